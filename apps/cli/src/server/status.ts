/** The project statuses the CLI says and filters by, in the order of a project's life. */
export const STATUSES = ["draft", "open", "closed", "decided", "superseded", "archived"] as const;
export type Status = (typeof STATUSES)[number];

type ServerStatus = "DRAFT" | "OPEN" | "DECIDED" | "SUPERSEDED" | "ARCHIVED";

/**
 * A project's status in the CLI's words. The server keeps one status, DECIDED, from the moment
 * voting closes; the decision is made only when its record is written. So a closed project with
 * no record (or one whose record is only proposed) is "closed", and "decided" once recorded.
 */
export function statusWord(status: ServerStatus, recorded: boolean): Status {
  if (status === "DECIDED") return recorded ? "decided" : "closed";
  return status.toLowerCase() as Status;
}

/**
 * Whether a record view holds a decision made, as the API's record status says it: recorded
 * (not a draft), and not imported from a file whose status was only proposed (log4brains:
 * draft). Such a record names the option it proposes, but nothing is decided yet.
 */
export function decisionMade(view: { draft: boolean; source: { status: string } | null }) {
  const word = view.source?.status.trim().split(/\s/)[0]?.toLowerCase();
  return !view.draft && word !== "proposed" && word !== "draft";
}

/** The server's status a CLI status is stored under (closed and decided are both DECIDED). */
export const serverStatus = (status: Status): ServerStatus =>
  status === "closed" ? "DECIDED" : (status.toUpperCase() as ServerStatus);
