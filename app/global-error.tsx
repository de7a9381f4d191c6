"use client";

// The last boundary: an error in the root layout itself. It replaces the whole document, so it brings
// its own <html>, <body> and styles (globals.css does not reach it), in Chinese like every other page.
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ margin: 0, fontFamily: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif', color: "#1f2937", background: "#f8fafc" }}>
        <main role="alert" style={{ minHeight: "100vh", display: "flex", alignItems: "center", justifyContent: "center", padding: 24 }}>
          <div style={{ maxWidth: 480, textAlign: "center", lineHeight: 1.7 }}>
            <title>系统暂时不可用 · 公开</title>
            <h1 style={{ fontSize: 18 }}>政府信息公开申请办理系统暂时不可用</h1>
            <p>系统繁忙或暂时无法访问数据库，请稍后重试；如持续出现，请联系系统管理员。</p>
            {error.digest ? <p style={{ color: "#6b7280", fontSize: 13 }}>错误编号 {error.digest}（可提供给管理员查询日志）</p> : null}
            <button type="button" onClick={retry} style={{ padding: "8px 20px", fontSize: 15, cursor: "pointer" }}>
              重试
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
