// Timestamps for raw SQL inserts (INSERT … SELECT FROM unnest), written exactly as Prisma's pg adapter
// writes a Date: the UTC wall clock without a zone, which the database reads in the session's time zone,
// and which the adapter reads back by dropping the offset. A row written otherwise (an ISO string with
// "Z", or the column's DEFAULT CURRENT_TIMESTAMP) is stored as the true instant and so reads back 8 hours
// late wherever the session's time zone is Asia/Shanghai (the embedded database): the "登记于" time of
// imported steps was 8 hours ahead (issue 13). Rows written in bulk must read back like any other row.

/** "2026-12-01 20:27:00.123": a Date as Prisma's pg adapter sends it. */
export function adapterTimestamp(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}
