import { TableSkeleton } from "@/components/ui/skeleton";

export default function CasesLoading() {
  return <TableSkeleton label="正在加载案件" rows={10} />;
}
