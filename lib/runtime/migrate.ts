// Applies pending migrations with the Prisma CLI's JavaScript schema engine (no native binaries).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { childProcessEnv } from "../env";

export async function applyMigrations(databaseUrl: string, options: { quiet?: boolean } = {}): Promise<void> {
  const require = createRequire(import.meta.url);
  const prismaCli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, "migrate", "deploy"], {
      env: childProcessEnv({ DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" }),
      stdio: options.quiet ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
    });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += String(chunk)));
    child.stderr?.on("data", (chunk) => (output += String(chunk)));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`数据库迁移失败（prisma migrate deploy 退出码 ${code}）\n${output}`));
    });
  });
}
