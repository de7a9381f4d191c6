// The user list rendered on the server: its rows sorted by the columns' own sort functions (the role's
// rank, the status order), its headers links to the next sorting.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { SortingState } from "@tanstack/react-table";
import { formatSortParam } from "@/components/data-table/sorting";
import { UsersTable } from "./users-table";
import type { UserRow } from "./user-row";

const users: UserRow[] = [
  { id: "u1", username: "clerk", displayName: "办事员", role: "CLERK", status: { kind: "active", label: "启用" }, lastLoginAt: null },
  { id: "u2", username: "admin", displayName: "管理员", role: "ADMIN", status: { kind: "disabled", label: "已停用" }, lastLoginAt: new Date("2026-11-30T02:00:00Z") },
  { id: "u3", username: "manager", displayName: "负责人", role: "MANAGER", status: { kind: "locked", label: "临时锁定至 10:00" }, lastLoginAt: new Date("2026-12-01T02:00:00Z") },
];

const sortHref = (sorting: SortingState) => `/settings/users?sort=${formatSortParam(sorting) ?? ""}`;

function render(sorting: SortingState): string {
  return renderToStaticMarkup(createElement(UsersTable, { users, sorting, sortHref }));
}

const rowOrder = (html: string) => [...html.matchAll(/data-testid="user-row-([a-z]+)"/g)].map((match) => match[1]);

describe("users table (server-rendered)", () => {
  it("keeps the server's order without a sorting", () => {
    expect(rowOrder(render([]))).toEqual(["clerk", "admin", "manager"]);
  });

  it("sorts by the columns' sort functions, both ways", () => {
    const byUsername = rowOrder(render([{ id: "username", desc: false }]));
    expect(byUsername).toEqual([...byUsername].sort());
    const byRole = rowOrder(render([{ id: "role", desc: false }]));
    expect(rowOrder(render([{ id: "role", desc: true }]))).toEqual([...byRole].reverse());
    const byStatus = rowOrder(render([{ id: "status", desc: false }]));
    expect(byStatus).toEqual(["clerk", "manager", "admin"]);
  });

  it("puts never-signed-in users last whichever the direction", () => {
    expect(rowOrder(render([{ id: "lastLoginAt", desc: false }])).at(-1)).toBe("clerk");
    expect(rowOrder(render([{ id: "lastLoginAt", desc: true }])).at(-1)).toBe("clerk");
  });

  it("marks the sorted header and links each sortable header to its next sorting", () => {
    const html = render([{ id: "role", desc: false }]);
    expect(html).toMatch(/<th[^>]*aria-sort="ascending"[^>]*><a[^>]*href="\/settings\/users\?sort=role\.desc"/);
    expect(html).toContain('href="/settings/users?sort=username.asc"');
    // 操作 holds links only: no sorting.
    expect(html).toMatch(/<th[^>]*scope="col"[^>]*>操作<\/th>/);
  });
});
