import type { RouterInputs } from "@tradeoff/api";
import type { BadgeProps } from "~/components/ui/badge";

/** The statuses the team page filters by (shared by the server page and the search box). */
export type Status = NonNullable<RouterInputs["project"]["list"]["status"]>;

export const STATUS_FILTERS: { status: Status; label: string; variant: BadgeProps["variant"] }[] = [
  { status: "OPEN", label: "Open for voting", variant: "primary" },
  { status: "DRAFT", label: "Draft", variant: "neutral" },
  { status: "DECIDED", label: "Closed", variant: "success" },
  { status: "SUPERSEDED", label: "Superseded", variant: "outline" },
  { status: "ARCHIVED", label: "Archived", variant: "outline" },
];

/** A status named in the address, or none when it names no status. */
export function statusFromParam(value: string | undefined): Status | undefined {
  return STATUS_FILTERS.find((s) => s.status === value)?.status;
}
