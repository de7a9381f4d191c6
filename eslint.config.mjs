// ESLint (flat config): the Next.js rules (React, hooks, Core Web Vitals) and the typescript-eslint
// recommended rules. Next 16 has no `next lint`: `npm run lint` runs the eslint CLI, then knip.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const MODEL_PATTERN = {
  regex: "(^|/)reports/model$|^\\./model$",
  message: "lib/reports/model.ts is the tests' oracle: count with lib/reports/queries.ts",
};
const DATABASE_PATTERN = {
  regex: "(^|/)lib/db$|^(\\.\\./)+db$|^\\./db$",
  allowTypeImports: true,
  message: "Only lib/*/queries.ts, lib/*/mutations.ts and the exceptions of docs/decisions/0091 import the database",
};
// Modules that reach the database although their name is neither queries nor mutations (docs/decisions/0091).
const DATABASE_EXCEPTIONS = [
  "lib/health.ts",
  "lib/auth/options.ts",
  "lib/auth/security-events.ts",
  "lib/auth/sessions.ts",
  "lib/auth/sign-in.ts",
  "lib/auth/throttle.ts",
  "lib/cases/case-detail.ts",
  "lib/cases/ledger-extras.ts",
  "lib/cases/ledger-import-store.ts",
  "lib/cases/ledger-upload.ts",
  "lib/cases/published-reports.ts",
  "lib/cases/registration-queries.ts",
  "lib/notifications/scheduler.ts",
  "lib/organizations/operator.ts",
  "lib/reports/data-quality.ts",
  "lib/reports/opening-balance.ts",
  "lib/reports/publication.ts",
  "lib/users/demo.ts",
  "lib/users/operator.ts",
];

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
    // Only queries, mutations and the documented exceptions reach the database (docs/decisions/0091).
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["**/*.test.ts", "lib/**/queries.ts", "lib/**/mutations.ts", ...DATABASE_EXCEPTIONS],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [MODEL_PATTERN, DATABASE_PATTERN] }] },
  },
  {
    files: ["lib/**/queries.ts", "lib/**/mutations.ts", ...DATABASE_EXCEPTIONS, "scripts/**"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [MODEL_PATTERN] }] },
  },
  {
    // In-app links go through components/link.tsx, which turns Next's prefetch off (docs/decisions/0088).
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["components/link.tsx"],
    rules: { "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "Import { Link } from \"@/components/link\" (no prefetch, docs/decisions/0088)" }] }] },
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
