// Child process of the operations fault suite: drives the app's own domain functions (lib/) against
// the database in DATABASE_URL, as the server does, in a process of its own so that its Prisma client
// never mixes with another suite's.
//   register <seconds> <concurrency>   registers cases as the demo clerk; one JSON line per
//                                      acknowledged registration ({"id"}) and a closing summary
//   publish <org-code> <username> <year>  publishes that year's report as that user
//   ledger <rows> <file>               writes a generated ledger CSV (scripts/bench-import.ts)
import { writeFileSync } from "node:fs";

const [command, ...args] = process.argv.slice(2);
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

async function actorOf(username: string) {
  const { db } = await import("../../lib/db");
  const { toActor } = await import("../../lib/auth/actor");
  const user = await db.user.findUniqueOrThrow({ where: { username }, include: { organization: true } });
  return toActor(user);
}

async function register(seconds: number, concurrency: number): Promise<void> {
  const { registerApplication } = await import("../../lib/cases/mutations");
  const { todayInShanghai } = await import("../../lib/today");
  let actor: Awaited<ReturnType<typeof actorOf>> | undefined;
  const deadline = Date.now() + seconds * 1000;
  let failures = 0;
  const worker = async (index: number) => {
    let sequence = 0;
    while (Date.now() < deadline) {
      try {
        actor ??= await actorOf("clerk");
        const created = await registerApplication({
          actor,
          today: todayInShanghai(),
          input: {
            applicantType: "NATURAL_PERSON",
            applicantName: `故障测试${index}-${sequence}`,
            channel: "ONLINE",
            receivedOn: todayInShanghai(),
            requestContent: "申请公开本机关年度部门预算（故障测试）",
          },
        });
        print({ id: (created as { id: string }).id });
        sequence += 1;
      } catch {
        failures += 1;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => worker(index)));
  print({ done: true, failures });
}

async function publish(organizationCode: string, username: string, year: number): Promise<void> {
  const { publishReport } = await import("../../lib/reports/publication");
  const actor = await actorOf(username);
  if (actor.organizationCode !== organizationCode) throw new Error(`${username} 不属于机构 ${organizationCode}`);
  print(await publishReport({ actor, input: { year, format: "2021" } }));
}

async function ledger(rows: number, file: string): Promise<void> {
  const { generateLedgerCsv } = await import("../bench-import");
  const { loadWorkCalendar } = await import("../../lib/calendar/queries");
  const { todayInShanghai } = await import("../../lib/today");
  writeFileSync(file, generateLedgerCsv(rows, await loadWorkCalendar(), todayInShanghai()));
  print({ rows });
}

try {
  if (command === "register") await register(Number(args[0]), Number(args[1]));
  else if (command === "publish") await publish(args[0] ?? "", args[1] ?? "", Number(args[2]));
  else if (command === "ledger") await ledger(Number(args[0]), args[1] ?? "");
  else throw new Error(`未知的命令：${command}`);
  const { disconnectDatabase } = await import("../../lib/db");
  await disconnectDatabase();
  process.exit(0);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
