import { Link } from "@/components/link";

export default function NotFound() {
  return (
    <div style={{ padding: 40 }}>
      <div className="notice warning" role="alert">
        未找到该页面或记录，或您无权查看。 <Link href="/">返回工作台</Link>
      </div>
    </div>
  );
}
