const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });
const timeOnly = new Intl.DateTimeFormat("en", { timeStyle: "medium" });
const dayOnly = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

/**
 * When a history entry happened, as its row shows it: the moment, and for several edits folded
 * into one entry, when the last of them was made: a time of day, with the date when it fell on
 * another day, and nothing when it reads the same as the first ("5:20:06 PM to 5:20:06 PM" says
 * nothing).
 */
export function editSpan(at: string, lastEditAt: string | null) {
  const first = new Date(at);
  const start = dateTime.format(first);
  if (!lastEditAt) return { start, end: null };
  const last = new Date(lastEditAt);
  const sameDay = dayOnly.format(first) === dayOnly.format(last);
  const end = sameDay ? timeOnly.format(last) : dateTime.format(last);
  return { start, end: end === timeOnly.format(first) && sameDay ? null : end };
}
