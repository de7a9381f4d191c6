import { TilesSkeleton } from "@/components/ui/skeleton";

export default function DashboardLoading() {
  return <TilesSkeleton label="正在加载看板" tiles={4} rows={6} />;
}
