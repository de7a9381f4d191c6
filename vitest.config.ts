import path from "node:path";
import { defineConfig } from "vitest/config";

// `import "server-only"` marks the modules that reach the database (docs/decisions/0093); outside a
// React Server environment the package throws, so tests resolve it to its empty module, as Next.js does
// on the server.
const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["lib/**/*.integration.test.ts", "tests/**/*.integration.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration-setup.ts"],
          setupFiles: ["tests/integration-env.ts"],
          // One real database shared by the files: run them one after another.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
