import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { todayInShanghai } from "@/lib/today";

/** The report being worked on: last year's until the end of March (Art. 49 deadlines), then this year's. */
export default async function ReportsIndexPage() {
  await requireActor();
  const today = todayInShanghai();
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  redirect(`/reports/${month <= 3 ? year - 1 : year}`);
}
