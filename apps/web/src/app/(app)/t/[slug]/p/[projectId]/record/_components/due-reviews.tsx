import { CalendarClock } from "lucide-react";
import Link from "next/link";
import { api } from "~/trpc/server";

const day = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

/** The team dashboard's list of recorded decisions due for review within 30 days (or overdue). */
export async function DueReviews({ teamId, slug }: { teamId: string; slug: string }) {
  const due = await api((c) => c.record.dueForReview({ teamId, withinDays: 30 }));
  if (due.length === 0) return null;
  return (
    <section aria-labelledby="due-reviews" className="space-y-2">
      <h2 id="due-reviews" className="flex items-center gap-2 font-medium text-lg">
        <CalendarClock aria-hidden="true" className="size-5" /> Decisions due for review
      </h2>
      <ul className="space-y-1 text-sm">
        {due.map((d) => (
          <li key={d.projectId}>
            <Link
              href={`/t/${slug}/p/${d.projectId}/record`}
              className="underline underline-offset-2"
            >
              #{d.number} {d.title}
            </Link>{" "}
            <span className={d.overdue ? "text-warning" : "text-muted-foreground"}>
              {d.overdue ? "review was due" : "review by"}{" "}
              {d.reviewDate ? day.format(new Date(d.reviewDate)) : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
