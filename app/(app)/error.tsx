"use client";

export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="page">
      <div className="notice error" role="alert">
        页面加载出错，请稍后重试。{error.digest ? `（错误编号 ${error.digest}，可提供给管理员查询日志）` : null}
      </div>
      <div>
        <button type="button" className="button" onClick={reset}>
          重试
        </button>
      </div>
    </div>
  );
}
