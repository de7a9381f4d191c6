"use client";

// A page below the (app) layout failed (its message is hidden in production). The database being too
// busy is the usual cause, so the sentence says to try again; the code finds the server's log line.
export default function AppError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <div className="page">
      <div className="notice error" role="alert">
        页面加载出错：系统可能繁忙或暂时无法访问数据库，请稍后重试。
        {error.digest ? `（错误编号 ${error.digest}，可提供给管理员查询日志）` : null}
      </div>
      <div>
        <button type="button" className="button" onClick={retry}>
          重试
        </button>
      </div>
    </div>
  );
}
