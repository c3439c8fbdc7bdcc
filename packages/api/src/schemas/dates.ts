import { z } from "zod";

/** How far ahead a deadline or review date may be: further is taken for a typing mistake. */
export const MAX_YEARS_AHEAD = 10;
/** The earliest year accepted (an imported record may be old, not that old). */
const MIN_YEAR = 2000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * Reads an ISO 8601 date (`2027-02-28`, midnight UTC) or date and time with an offset
 * (`2027-02-28T09:30:00Z`, `2027-02-28T09:30+02:00`). A day the calendar does not have
 * (`2027-02-30`) is refused rather than moved to another day, as is a year before 2000 or
 * more than `yearsAhead` years from `now`. Returns the moment, or why it is refused.
 */
export function readIsoDate(
  text: string,
  now = new Date(),
  yearsAhead = MAX_YEARS_AHEAD,
): Date | string {
  const parts = DATE.exec(text) ?? DATE_TIME.exec(text);
  if (!parts) return "is not a date: write it as YYYY-MM-DD";
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const latest = now.getUTCFullYear() + yearsAhead;
  if (year < MIN_YEAR || year > latest) {
    const range = Number.isFinite(latest) ? `to ${latest}` : "on";
    return `is in ${year}: pick a year from ${MIN_YEAR} ${range}`;
  }
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (
    calendar.getUTCFullYear() !== year ||
    calendar.getUTCMonth() !== month - 1 ||
    calendar.getUTCDate() !== day
  ) {
    return `has no day ${parts[1]}-${parts[2]}-${parts[3]} in the calendar: check the month and day`;
  }
  const moment = parts.length > 4 && parts[4] !== undefined ? new Date(text) : calendar;
  if (Number.isNaN(moment.getTime())) return "is not a date: write it as YYYY-MM-DD";
  return moment;
}

/**
 * A date field read strictly: an ISO 8601 string (see `readIsoDate`), or a valid Date from an
 * in-process caller; never a number or a loosely parsed string. `label` starts the message
 * ("The review date"), `example` shows the expected form; `yearsAhead` bounds the year (a
 * moment that is checked against the clock itself takes `Infinity`).
 */
export function strictDateSchema(label: string, example: string, yearsAhead = MAX_YEARS_AHEAD) {
  const refuse = (ctx: z.core.$RefinementCtx, why: string) => {
    ctx.addIssue({ code: "custom", message: `${label} ${why} (for example ${example}).` });
    return z.NEVER;
  };
  return z
    .union([z.string(), z.date()], {
      error: `${label} is not a date: write it as ${example}.`,
    })
    .transform((value, ctx) => {
      // z.date() has already refused an invalid Date.
      if (value instanceof Date) {
        const read = readIsoDate(value.toISOString(), new Date(), yearsAhead);
        return typeof read === "string" ? refuse(ctx, read) : value;
      }
      const read = readIsoDate(value.trim(), new Date(), yearsAhead);
      return typeof read === "string" ? refuse(ctx, read) : read;
    });
}
