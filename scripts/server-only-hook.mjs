// `import "server-only"` marks the modules that reach the database (docs/decisions/0093). The Next.js
// build resolves it itself (empty on the server, a build error in a client component). Node.js run
// outside Next.js (the command line, start-up, migrations, bench, fault and load runs, the end-to-end
// server and Playwright's runner) has no React Server environment, where the package throws: this hook
// resolves the one specifier "server-only" to the package's own empty module, the one Next.js uses on
// the server — for `import` (a module.register resolve hook) and for `require` (Playwright and tsx
// load some TypeScript as CommonJS). Load it after tsx:
//   node --import tsx --import ./scripts/server-only-hook.mjs scripts/cli.ts
import Module, { register } from "node:module";
import { fileURLToPath } from "node:url";

const EMPTY_MODULE = new URL("../node_modules/server-only/empty.js", import.meta.url);

register(
  `data:text/javascript,${encodeURIComponent(
    `export async function resolve(specifier, context, nextResolve) {
      if (specifier === "server-only") return { url: ${JSON.stringify(EMPTY_MODULE.href)}, shortCircuit: true };
      return nextResolve(specifier, context);
    }`,
  )}`,
);

const emptyModulePath = fileURLToPath(EMPTY_MODULE);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === "server-only" ? emptyModulePath : resolveFilename.call(this, request, ...rest);
};
