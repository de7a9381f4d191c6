import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getRollup } from "@/lib/rollup/queries";
import { todayInShanghai } from "@/lib/today";
import { RollupPage } from "@/components/rollup/rollup-page";

export const metadata: Metadata = { title: "下级单位汇总" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function RollupYearPage({
  params,
  searchParams,
}: {
  params: Promise<{ year: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor({ roles: ["MANAGER", "ADMIN"] });
  const { year } = await params;
  const query = await searchParams;
  const today = todayInShanghai();
  let rollup;
  try {
    rollup = await getRollup({ actor, year, format: first(query.format), organizationCode: first(query.org), today });
  } catch (error) {
    if (isAppError(error) && (error.code === "VALIDATION" || error.code === "NOT_FOUND")) notFound();
    throw error;
  }
  return <RollupPage rollup={rollup} ownOrganizationCode={actor.organizationCode} />;
}
