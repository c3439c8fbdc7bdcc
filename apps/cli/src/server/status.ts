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

/** The server's status a CLI status is stored under (closed and decided are both DECIDED). */
export const serverStatus = (status: Status): ServerStatus =>
  status === "closed" ? "DECIDED" : (status.toUpperCase() as ServerStatus);
