const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Tick spacings the time axis may use, smallest first. */
const STEPS = [
  SECOND,
  5 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  30 * DAY,
  90 * DAY,
  365 * DAY,
];

export type TimeAxis = {
  /** Where the ticks stand (epoch milliseconds), ascending, each with a label of its own. */
  ticks: number[];
  /** The label of a tick: as precise as the spacing needs, never the same for two ticks. */
  label: (t: number) => string;
};

/**
 * Ticks for the history chart's time axis between the first and the last vote change: a round
 * spacing that gives at most `max` ticks, labelled as precisely as that spacing needs (seconds
 * when the history spans seconds, the date when it spans days), so no two ticks read alike.
 * `timeZone` is for tests; the page uses the reader's own.
 */
export function timeAxis(from: number, to: number, max = 6, timeZone?: string): TimeAxis {
  const zone = timeZone ? { timeZone } : {};
  const span = Math.max(0, to - from);
  const step = STEPS.find((s) => span / s <= max - 1) ?? (STEPS.at(-1) as number);
  const sameDay = dayOf(from, zone) === dayOf(to, zone);
  const format = new Intl.DateTimeFormat(
    "en",
    step < MINUTE
      ? { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", ...zone }
      : step < DAY
        ? sameDay
          ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23", ...zone }
          : {
              month: "short",
              day: "numeric",
              hour: "2-digit",
              minute: "2-digit",
              hourCycle: "h23",
              ...zone,
            }
        : {
            year: span > 300 * DAY ? "numeric" : undefined,
            month: "short",
            day: "numeric",
            ...zone,
          },
  );
  const candidates: number[] = [];
  if (span === 0) candidates.push(from);
  else for (let t = Math.ceil(from / step) * step; t <= to; t += step) candidates.push(t);
  // A tick whose label repeats the previous one says nothing new (e.g. day ticks on a day
  // boundary of another time zone): it is left out.
  const ticks: number[] = [];
  let previous = "";
  for (const t of candidates) {
    const text = format.format(t);
    if (text === previous) continue;
    ticks.push(t);
    previous = text;
  }
  if (ticks.length === 0) ticks.push(from);
  return { ticks, label: (t) => format.format(t) };
}

const dayOf = (t: number, zone: { timeZone?: string }) =>
  new Intl.DateTimeFormat("en", {
    year: "numeric",
    month: "numeric",
    day: "numeric",
    ...zone,
  }).format(t);

/** The slider's position over the chart's points: the last position is the current state. */
export function sliderPoint<P extends { eventId: string; at: string }>(
  points: readonly P[],
  picked: number | null,
): { index: number; point: P | undefined; latest: boolean } {
  const last = points.length - 1;
  const index = picked === null ? last : Math.max(0, Math.min(last, picked));
  return { index, point: points[index], latest: index === last };
}
