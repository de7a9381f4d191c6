// Decides whether the production build in .next matches the sources, so that `npm start` builds only
// when needed (first start, or after the code or dependencies changed).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "prisma/schema.prisma", "package-lock.json", "next.config.ts", "tsconfig.json", "proxy.ts"];
const FINGERPRINT_FILE = path.join(".next", "gongkai-build-fingerprint");

function collect(entry: string, files: string[]): void {
  if (!existsSync(entry)) return;
  if (statSync(entry).isDirectory()) {
    for (const name of readdirSync(entry).sort()) {
      if (name === "node_modules" || name.startsWith(".")) continue;
      collect(path.join(entry, name), files);
    }
  } else {
    files.push(entry);
  }
}

export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const files: string[] = [];
  for (const source of SOURCES) collect(source, files);
  for (const file of files) hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

export function buildIsCurrent(): boolean {
  if (!existsSync(path.join(".next", "BUILD_ID")) || !existsSync(FINGERPRINT_FILE)) return false;
  return readFileSync(FINGERPRINT_FILE, "utf8").trim() === sourceFingerprint();
}

export function recordBuildFingerprint(): void {
  writeFileSync(FINGERPRINT_FILE, sourceFingerprint());
}
