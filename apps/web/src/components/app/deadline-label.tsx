import { CalendarClock } from "lucide-react";

/** A project's voting deadline in a list row: a calendar icon, then the date as written. */
export function DeadlineLabel({ date }: { date: string }) {
  return (
    <span className="flex items-center gap-1">
      <CalendarClock aria-hidden="true" className="size-3" />
      {date}
    </span>
  );
}
