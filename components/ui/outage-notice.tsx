// What a user sees when the app cannot reach its database (or it is too busy): one Chinese sentence
// and a way to try again, in place of the page. Used by the (app) layout and the error pages.
import type { ReactNode } from "react";

export function OutageNotice({ message, action }: { message: string; action: ReactNode }) {
  return (
    <main className="outage" role="alert" data-testid="outage">
      <div className="outage-card">
        <div className="outage-logo" aria-hidden>
          公
        </div>
        <h1>政府信息公开申请办理系统</h1>
        <p>{message}</p>
        {action}
      </div>
    </main>
  );
}
