import { TilesSkeleton } from "@/components/ui/skeleton";

export default function ReportLoading() {
  return <TilesSkeleton label="正在生成年度报告" tiles={3} rows={12} />;
}
