// What the browser sends when a clerk moves from one page of the app to another without reloading
// (a <Link> or the list's search form: Next 16's client router), so that `npm run loadtest` sends the
// same requests (docs/decisions/0088). e2e/navigation.spec.ts holds these requests equal to what
// Chromium really sends, so a change of Next's protocol, of the route folders or of the links shows
// there rather than as a load test that measures something no browser does.
//
// A navigation is one GET of the target with `RSC: 1`. It carries the router state tree the browser
// holds for the page it is leaving (`Next-Router-State-Tree`) and that page's path (`Next-Url`); the
// server compares the trees and renders only the segments that differ (the shell's layout is not
// rendered again). Staying on the same page with other search parameters (a search in the list) sends
// the page's own tree marked "refetch" at the page. `_rsc` is Next's hash of these headers: Next
// answers a request whose `_rsc` does not match them with a redirect. A Server Action (a form's POST)
// carries the tree of the page it is sent from too (`actionHeaders`).
import { createRequire } from "node:module";

type Segment = string | [name: string, value: string, kind: "d", null];
type RouterStateTree = [segment: Segment, children: Record<string, RouterStateTree>, url: null, refresh: "refetch" | null, flags: number];

/** The pages the load test moves between. */
type AppPage = "workbench" | "list" | "case" | "registration" | "notifications" | "dashboard";

/** Which page of the app a path is (query string ignored). */
function appPageOf(pathOrUrl: string): AppPage {
  const pathname = new URL(pathOrUrl, "http://app").pathname;
  if (pathname === "/") return "workbench";
  if (pathname === "/cases") return "list";
  if (pathname === "/notifications") return "notifications";
  if (pathname === "/dashboard") return "dashboard";
  if (pathname === "/cases/new") return "registration";
  if (/^\/cases\/[^/]+$/.test(pathname)) return "case";
  throw new Error(`负载测试不会离开的页面：${pathname}`);
}

/**
 * The router state tree of a page as Next 16 keeps it in the browser: the root, the (app) group,
 * the route's folders, the page. The last number of each segment is Next's own flags (the list's and
 * the dashboard's folders have a loading.tsx); they are copied from what Chromium sends.
 */
function routerStateTree(pathOrUrl: string, refetchPage = false): RouterStateTree {
  const page: RouterStateTree = ["__PAGE__", {}, null, refetchPage ? "refetch" : null, 0];
  const app = (children: RouterStateTree, flags: number): RouterStateTree => ["", { children: ["(app)", { children }, null, null, flags] }, null, null, flags === 0 ? 16 : 24];
  switch (appPageOf(pathOrUrl)) {
    case "workbench":
      return app(page, 0);
    case "notifications":
      return app(["notifications", { children: page }, null, null, 0], 0);
    case "dashboard":
      return app(["dashboard", { children: page }, null, null, 4], 8);
    case "registration":
      return app(["cases", { children: ["new", { children: page }, null, null, 0] }, null, null, 0], 0);
    case "list":
      return app(["cases", { children: ["(list)", { children: page }, null, null, 4] }, null, null, 8], 8);
    case "case": {
      const id = decodeURIComponent(new URL(pathOrUrl, "http://app").pathname.split("/")[2]!);
      return app(["cases", { children: [["id", id, "d", null], { children: page }, null, null, 0] }, null, null, 0], 0);
    }
  }
}

const require = createRequire(import.meta.url);
const { computeCacheBustingSearchParam } = require("next/dist/shared/lib/router/utils/cache-busting-search-param.js") as {
  computeCacheBustingSearchParam: (prefetch?: string, segmentPrefetch?: string, stateTree?: string, nextUrl?: string) => Promise<string>;
};

/** The request the browser sends to move from the page at `from` to `to` (both a path with its query). */
export async function navigationRequest(from: string, to: string): Promise<{ url: string; headers: Record<string, string> }> {
  const samePage = appPageOf(from) === appPageOf(to);
  const stateTree = encodeURIComponent(JSON.stringify(samePage ? routerStateTree(to, true) : routerStateTree(from)));
  const nextUrl = new URL(from, "http://app").pathname;
  const hash = await computeCacheBustingSearchParam(undefined, undefined, stateTree, nextUrl);
  const target = new URL(to, "http://app");
  target.searchParams.append("_rsc", hash);
  return {
    url: `${target.pathname}${target.search}`,
    headers: { RSC: "1", "Next-Router-State-Tree": stateTree, "Next-Url": nextUrl },
  };
}

/**
 * The headers a Server Action's POST carries besides its id: the tree of the page it is sent from
 * (no `Next-Url`, no `_rsc`). A redirect's target is then rendered only where it differs from that page.
 */
export function actionHeaders(from: string): Record<string, string> {
  return { "Next-Router-State-Tree": encodeURIComponent(JSON.stringify(routerStateTree(from))) };
}
