// What a change to a case makes stale: its page, the list, the dashboards and the report pages.
import { revalidatePath } from "next/cache";

export function casePath(applicationId: string) {
  return `/cases/${applicationId}`;
}

/** A change to a case shows on the list, the dashboards and the report pages too. */
export function revalidateCase(applicationId: string) {
  revalidatePath(casePath(applicationId));
  revalidatePath("/cases");
  revalidatePath("/");
}
