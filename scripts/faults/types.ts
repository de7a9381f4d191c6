// scripts/faults/types.ts (created by whichever branch needs it first; identical content)
export interface FaultContext {
  /** Base URL of the real server under test (production build via npm start), e.g. http://127.0.0.1:3411 */
  baseUrl: string;
  /** URL of that server's database (owner/superuser role) for set-up and verification. */
  databaseUrl: string;
  /** Progress lines go to standard error, never standard output. */
  log(message: string): void;
}
export interface FaultSuite {
  name: string;
  /** Returns the suite's keys of the final JSON line (numbers and booleans only). */
  run(context: FaultContext): Promise<Record<string, number | boolean>>;
}
