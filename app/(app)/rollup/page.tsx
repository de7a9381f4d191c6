import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { todayInShanghai } from "@/lib/today";

/** The year being reported on: last year's until the end of March (Art. 49 deadlines), then this year's. */
export default async function RollupIndexPage() {
  await requireActor({ roles: ["MANAGER", "ADMIN"] });
  const today = todayInShanghai();
  const year = Number(today.slice(0, 4));
  redirect(`/rollup/${Number(today.slice(5, 7)) <= 3 ? year - 1 : year}`);
}
