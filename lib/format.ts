// Display formats for dates and times. Everything is shown in Asia/Shanghai (the time zone of every
// agency using the system), whatever the time zone of the server or the browser, so that the same
// instant reads the same on the server-rendered page and after hydration.

const SHANGHAI = "Asia/Shanghai";

const dateTimeParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: SHANGHAI,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

interface ShanghaiParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

// formatToParts rather than format(): the separators of a locale's pattern may differ between ICU
// versions (Node and browsers), the parts do not.
function shanghaiParts(date: Date): ShanghaiParts {
  const parts: ShanghaiParts = { year: "", month: "", day: "", hour: "", minute: "" };
  for (const part of dateTimeParts.formatToParts(date)) {
    if (part.type === "year" || part.type === "month" || part.type === "day" || part.type === "hour" || part.type === "minute") {
      parts[part.type] = part.value;
    }
  }
  return parts;
}

/** "2026-11-21 09:30": an instant (timestamp column) as the clock read in Beijing. */
export function formatDateTime(date: Date): string {
  const { year, month, day, hour, minute } = shanghaiParts(date);
  return `${year}-${month}-${day} ${hour}:${minute}`;
}

/**
 * "2026-11-21": the calendar day in Beijing. Also right for `DATE` columns, which Prisma reads as
 * midnight UTC of that day (08:00 in Beijing, the same day).
 */
export function formatDate(date: Date): string {
  const { year, month, day } = shanghaiParts(date);
  return `${year}-${month}-${day}`;
}

/** "09:30": the time of day in Beijing. */
export function formatTime(date: Date): string {
  const { hour, minute } = shanghaiParts(date);
  return `${hour}:${minute}`;
}
