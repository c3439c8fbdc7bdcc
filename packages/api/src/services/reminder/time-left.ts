/**
 * The time left before the deadline as a reminder words it: "30 minutes" under an hour, else
 * whole hours ("1 hour", "10 hours"). Reads `minutesLeft` when the reminder carries it (one sent
 * right away), else its `hoursLeft`.
 */
export function timeLeftWords(data: Record<string, unknown>): string {
  const minutes =
    typeof data.minutesLeft === "number" ? data.minutesLeft : Number(data.hoursLeft) * 60;
  if (minutes < 60) return minutes === 1 ? "1 minute" : `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return hours === 1 ? "1 hour" : `${hours} hours`;
}
