import type { Metadata } from "next";
import { Link } from "@/components/link";

export const metadata: Metadata = { title: "无权访问" };

export default function ForbiddenPage() {
  return (
    <div className="page">
      <div className="notice warning" role="alert">
        您的角色无权访问该页面。如需权限，请联系本单位管理员。 <Link href="/">返回工作台</Link>
      </div>
    </div>
  );
}
