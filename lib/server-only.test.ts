// Every module that reaches the database is marked `import "server-only"` (docs/decisions/0093): a
// client component that imports one, even through another module, then fails the Next build instead
// of shipping the data layer to the browser. This test finds the modules that import lib/db.ts by value
// (a type-only import does not reach the database) and asserts the marker, so the rule stays true.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const LIB = path.join(ROOT, "lib");
const DB_MODULE = path.join(LIB, "db");

function sourceFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.includes(`${path.sep}generated${path.sep}`));
}

/** The specifiers this source imports (or re-exports) by value: `import type …` and `{ type X }`-only imports are left out. */
function valueImportsOf(source: string): string[] {
  const specifiers: string[] = [];
  const declaration = /^\s*(import|export)\s+(type\s+)?([\s\S]*?)\s*from\s*["']([^"']+)["']/gm;
  for (const match of source.matchAll(declaration)) {
    const [, , typeOnly, clause = "", specifier = ""] = match;
    if (typeOnly) continue;
    const names = /^\{([\s\S]*)\}$/.exec(clause.trim());
    if (names) {
      const members = names[1]!.split(",").map((member) => member.trim()).filter(Boolean);
      if (members.length > 0 && members.every((member) => member.startsWith("type "))) continue;
    }
    specifiers.push(specifier);
  }
  for (const match of source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) specifiers.push(match[1]!);
  return specifiers;
}

function resolvesToDatabase(file: string, specifier: string): boolean {
  const target = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(file), specifier) : null;
  return target === DB_MODULE || target === `${DB_MODULE}.ts`;
}

const MARKER = /^import ["']server-only["'];?$/m;

describe("server-only marker", () => {
  const files = sourceFilesUnder(LIB);
  const reachingTheDatabase = files.filter(
    (file) => file === `${DB_MODULE}.ts` || valueImportsOf(readFileSync(file, "utf8")).some((specifier) => resolvesToDatabase(file, specifier)),
  );

  it("finds the data layer (lib/db.ts and the queries and mutations that import it)", () => {
    const relative = reachingTheDatabase.map((file) => path.relative(ROOT, file));
    expect(relative).toContain("lib/db.ts");
    expect(relative).toContain("lib/cases/queries.ts");
    expect(relative).toContain("lib/cases/mutations.ts");
  });

  it("is in every module that imports the database by value", () => {
    const unmarked = reachingTheDatabase.filter((file) => !MARKER.test(readFileSync(file, "utf8"))).map((file) => path.relative(ROOT, file));
    expect(unmarked, 'add `import "server-only";` to these modules').toEqual([]);
  });

  it("tells a value import from a type-only one", () => {
    expect(valueImportsOf('import { db } from "../db";')).toEqual(["../db"]);
    expect(valueImportsOf('import { db, type Transaction } from "@/lib/db";')).toEqual(["@/lib/db"]);
    expect(valueImportsOf('import type { Transaction } from "../db";')).toEqual([]);
    expect(valueImportsOf('import { type Transaction } from "../db";')).toEqual([]);
    expect(valueImportsOf('import {\n  db,\n  type Transaction,\n} from "./db";')).toEqual(["./db"]);
    expect(valueImportsOf('const { db } = await import("../db");')).toEqual(["../db"]);
  });
});
