// Racing clients for the integration tests and the fault suites: every task waits at one barrier until
// all have reached it, then all run at once (each on its own connection of the pool).

/** Runs the tasks released together; settles with each one's outcome (never rejects). */
export async function releasedTogether<Result>(tasks: readonly (() => Promise<Result>)[]): Promise<PromiseSettledResult<Result>[]> {
  let arrived = 0;
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return Promise.allSettled(
    tasks.map(async (task) => {
      arrived += 1;
      if (arrived === tasks.length) open();
      await gate;
      return task();
    }),
  );
}

/** A small deterministic pseudo-random generator (mulberry32), so that a failing round can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}
