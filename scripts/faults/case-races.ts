// Fault suite "case-races" (docs/helpers FAULTS.md, issue 8): two people changing the same case at the
// same moment. It calls the domain functions of lib/ — what the server's actions run — concurrently from
// this process against the server's own database (context.databaseUrl), each write in its own
// transaction on its own connection, released together by a barrier: a correction against a withdrawal
// of the same step (with and without form versions), two withdrawals, two edits of one 复议, two
// reassignments, two registration corrections, a step against a void, two settings saves. After each
// attempt it reads the database and the audit trail (tests/case-race-scenarios.ts): exactly one write
// won, the other was refused with the Chinese conflict message, the stored state is the winner's, the
// audit has exactly the winner's entry, and no row disappeared. The server (context.baseUrl) is not
// driven over HTTP: a server action's endpoint is not a stable interface to script against.
import type { FaultContext, FaultSuite } from "./types";

/** Rounds per scenario: 8 scenarios × 12 = 96 race attempts. */
const ROUNDS = 12;

export const caseRacesSuite: FaultSuite = {
  name: "case-races",
  async run(context: FaultContext) {
    const { useDatabaseUrl } = await import("../../lib/env");
    useDatabaseUrl(context.databaseUrl);
    const { db } = await import("../../lib/db");
    const { CASE_RACE_SCENARIOS, addTallies, createRaceActors, emptyTally } = await import("../../tests/case-race-scenarios");

    const actors = await createRaceActors(`竞态演练司法局${Date.now().toString(36)}`);
    let total = emptyTally();
    for (const scenario of CASE_RACE_SCENARIOS) {
      let tally = emptyTally();
      for (let round = 0; round < ROUNDS; round += 1) tally = addTallies(tally, await scenario.run(actors, round));
      context.log(`[case-races] ${scenario.name}: ${tally.attempts} 次，问题 ${tally.problems.length} 个`);
      for (const problem of tally.problems) context.log(`[case-races]   ${problem}`);
      total = addTallies(total, tally);
    }

    // Afterwards, across everything the races wrote: no correction points to a step that is gone, and
    // every case the scenarios registered is still there (nothing is ever deleted).
    const organizationId = actors.clerk.organizationId;
    const dangling = await db.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS "count" FROM "CaseEvent" e
      WHERE e."organizationId" = ${organizationId} AND e."supersededById" IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "CaseEvent" r WHERE r."id" = e."supersededById")`;
    const registered = await db.auditEvent.count({ where: { organizationId, action: "application.register" } });
    const cases = await db.application.count({ where: { organizationId } });
    const rowsLost = total.rowsLost + (dangling[0]?.count ?? 0) + Math.max(0, registered - cases);

    return {
      races_attempted: total.attempts,
      lost_updates: total.lostUpdates,
      stale_writes_accepted: total.staleWritesAccepted,
      audit_gaps: total.auditGaps,
      raw_errors_shown: total.rawErrorsShown,
      rows_lost: rowsLost,
    };
  },
};

