// ESLint (flat config): the Next.js rules (React, hooks, Core Web Vitals) and the typescript-eslint
// recommended rules. Next 16 has no `next lint`: `npm run lint` runs the eslint CLI, then knip.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // `_name` marks a parameter or binding kept on purpose (destructuring a field away, a handler's signature).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      // `let [ids, total] = …` where only one of them is reassigned stays one statement.
      "prefer-const": ["error", { destructuring: "all" }],
    },
  },
  {
    // The TypeScript counting model is the tests' oracle; production counts with SQL (lib/reports/queries.ts).
    files: ["app/**", "components/**", "lib/**", "scripts/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "(^|/)reports/model$|^\\./model$", message: "lib/reports/model.ts is the tests' oracle: count with lib/reports/queries.ts" }] },
      ],
    },
  },
  {
    // `useDatabaseUrl` (lib/env.ts) is not a React hook; scripts and tests hold no components.
    files: ["scripts/**", "tests/**", "e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([
    ".next/**",
    ".next.lock/**",
    ".next.serving/**",
    ".data/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "lib/generated/**",
    "test-results/**",
    "playwright-report/**",
    "blob-report/**",
  ]),
]);
