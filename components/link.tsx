import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * Every link inside the app, without Next's automatic prefetch (docs/decisions/0088). Every page here
 * is dynamic, so a prefetch fetches only a page's metadata and route tree, never its content; in
 * production Next sent one or two such requests for each link in view (about 30 for one case list),
 * each a full pass of the server (session, proxy, routing) of 5–7 ms of CPU, which saved the clerk
 * nothing that the click's own request does not fetch anyway.
 */
export function Link(props: Omit<ComponentProps<typeof NextLink>, "prefetch">) {
  return <NextLink {...props} prefetch={false} />;
}
