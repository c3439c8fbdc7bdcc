const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A moment as emails and the inbox write it, the same for every reader wherever they are:
 * "Tue 8 Dec 2026, 14:00 UTC" (weekday, day, month and year, 24-hour time, in UTC). Written out
 * by hand rather than by `Intl`, whose output varies with the ICU data of the server.
 */
export function utcDateTime(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${WEEKDAYS[at.getUTCDay()]} ${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()}, ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())} UTC`;
}
