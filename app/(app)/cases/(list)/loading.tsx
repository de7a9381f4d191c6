// Only the list (route group "(list)"): a loading.tsx above the case page would stream it, and a case of
// another organization would then answer 200 with the not-found text instead of 404.
import { TableSkeleton } from "@/components/ui/skeleton";

export default function CasesLoading() {
  return <TableSkeleton label="正在加载案件" rows={10} />;
}
