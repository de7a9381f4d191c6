// Next.js calls register() once when a server instance starts. It starts the notification scheduler
// (lib/notifications/scheduler.ts) in the Node.js runtime only, and never while `next build` runs.
//
// NEXT_RUNTIME and NEXT_PHASE are set by Next.js itself, not by the deployment: they are the one read
// of process.env outside lib/env.ts. Next.js replaces NEXT_RUNTIME with a literal in each bundle, so the
// import inside the `if` is dropped from the edge bundle (the scheduler, Prisma and nodemailer need
// Node.js); keep the import inside that block. The scheduler reads its settings through getEnv().
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    try {
      const { startNotificationScheduler } = await import("./lib/notifications/scheduler");
      startNotificationScheduler();
    } catch (error) {
      // The app serves requests without alerts rather than not at all.
      console.error("[notifications] 提醒任务未能启动", error);
    }
  }
}
