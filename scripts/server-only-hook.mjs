// `import "server-only"` marks the modules that reach the database (docs/decisions/0093). The Next.js
// build resolves it itself (empty on the server, a build error in a client component). Node.js run
// outside Next.js (the command line, start-up, migrations, bench, fault and load runs, the end-to-end
// server) has no React Server environment, where the package throws: this hook resolves the one
// specifier "server-only" to an empty module. Load it after tsx:
//   node --import tsx --import ./scripts/server-only-hook.mjs scripts/cli.ts
import { register } from "node:module";

const EMPTY_MODULE = "data:text/javascript,export{}";

register(
  `data:text/javascript,${encodeURIComponent(
    `export async function resolve(specifier, context, nextResolve) {
      if (specifier === "server-only") return { url: ${JSON.stringify(EMPTY_MODULE)}, format: "module", shortCircuit: true };
      return nextResolve(specifier, context);
    }`,
  )}`,
);
