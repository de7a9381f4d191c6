"use client";

// The case page's two tabs: 办理情况 (the page as it was) and 操作记录. Both panels are rendered and the
// hidden one keeps its state (a half-filled step form survives a look at the log). ?tab=audit opens the log.
import { useState, type ReactNode } from "react";
import { useSearchParams } from "next/navigation";
import styles from "./audit.module.css";

type Tab = "case" | "audit";

export function CaseRecordTabs({ auditLog, children }: { auditLog: ReactNode; children: ReactNode }) {
  const searchParams = useSearchParams();
  const [tab, setTab] = useState<Tab>(searchParams.get("tab") === "audit" ? "audit" : "case");

  function choose(next: Tab) {
    setTab(next);
    const url = new URL(window.location.href);
    if (next === "audit") url.searchParams.set("tab", "audit");
    else url.searchParams.delete("tab");
    window.history.replaceState(null, "", url);
  }

  const tabs: { id: Tab; label: string }[] = [
    { id: "case", label: "办理情况" },
    { id: "audit", label: "操作记录" },
  ];
  return (
    <div className="stack">
      <div className={`${styles.tabs} no-print`} role="tablist" aria-label="案件页面">
        {tabs.map((item) => (
          <button
            key={item.id}
            type="button"
            role="tab"
            id={`case-tab-${item.id}`}
            aria-controls={`case-panel-${item.id}`}
            aria-selected={tab === item.id}
            className={styles.tab}
            onClick={() => choose(item.id)}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="case-panel-case" aria-labelledby="case-tab-case" hidden={tab !== "case"}>
        {children}
      </div>
      <section role="tabpanel" id="case-panel-audit" aria-labelledby="case-tab-audit" hidden={tab !== "audit"} className="card">
        {auditLog}
      </section>
    </div>
  );
}
