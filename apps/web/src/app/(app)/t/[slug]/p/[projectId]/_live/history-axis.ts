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

/**
 * How the history chart spaces its points. "time": by when each vote change was made. "order":
 * one step per change, in the order they were made, for histories whose changes came too close
 * together for a time axis to tell them apart (a sample's fictional votes, all recorded in the
 * same second; a meeting where everyone votes at once). The order axis shows nothing nobody
 * entered: each point keeps its recorded time, shown by the tooltip and the slider.
 *
 * `times` are the points' times (epoch milliseconds, ascending); `complete` is false when the
 * points were thinned from a longer history, where a point's position would not be its number.
 * A change is "stacked" when it comes less than a second, or less than a hundredth of the whole
 * span, after the one before (within a pixel or two of it on a chart); when at least half of
 * them are, the time axis would draw them as one vertical line.
 */
export function historyAxisKind(times: readonly number[], complete: boolean): "time" | "order" {
  if (!complete || times.length < 2) return "time";
  const first = times[0] as number;
  const span = (times.at(-1) as number) - first;
  const resolution = Math.max(SECOND, span / 100);
  let stacked = 0;
  for (let i = 1; i < times.length; i++) {
    if ((times[i] as number) - (times[i - 1] as number) < resolution) stacked++;
  }
  return stacked * 2 >= times.length - 1 ? "order" : "time";
}

/**
 * Ticks for the order axis over `count` points (positions 0..count-1), labelled with the
 * change's number (1-based): the first and the last change, and round steps between them.
 */
export function orderAxis(count: number, max = 6): TimeAxis {
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1_000];
  const step = steps.find((s) => count / s <= max - 1) ?? Math.ceil(count / (max - 1));
  // Change numbers as people count (1, then 5, 10, 15 ... and the last), none crowding another.
  const numbers = [1];
  for (let n = step; n < count; n += step) {
    if (n - 1 >= step / 2 && count - n >= step / 2) numbers.push(n);
  }
  if (count > 1) numbers.push(count);
  return { ticks: numbers.map((n) => n - 1), label: (t) => String(Math.round(t) + 1) };
}

/** The slider's position over the chart's points: the last position is the current state. */
export function sliderPoint<P extends { eventId: string; at: string }>(
  points: readonly P[],
  picked: number | null,
): { index: number; point: P | undefined; latest: boolean } {
  const last = points.length - 1;
  const index = picked === null ? last : Math.max(0, Math.min(last, picked));
  return { index, point: points[index], latest: index === last };
}
