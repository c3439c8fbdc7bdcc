import type { RouterInputs } from "@tradeoff/api";
import type { BadgeProps } from "~/components/ui/badge";

/** A choice of the list's filter: its value in the address, its words and its badge's look. */
export type StatusFilter<S extends string> = {
  status: S;
  label: string;
  variant: BadgeProps["variant"];
  /** The heading of the dashboard's group of projects in this status, when not the label. */
  heading?: string;
};

/** The filter a value in the address names, or none when it names none of `filters`. */
function fromParam<S extends string>(filters: StatusFilter<S>[], value: string | undefined) {
  return filters.find((s) => s.status === value)?.status;
}

/** The statuses the team page filters by (shared by the server page and the search box). */
export type Status = NonNullable<RouterInputs["project"]["list"]["status"]>;

export const STATUS_FILTERS: StatusFilter<Status>[] = [
  { status: "OPEN", label: "Open for voting", variant: "primary" },
  { status: "DRAFT", label: "Draft", variant: "neutral", heading: "Drafts" },
  { status: "DECIDED", label: "Closed", variant: "success" },
  { status: "SUPERSEDED", label: "Superseded", variant: "outline" },
  { status: "ARCHIVED", label: "Archived", variant: "outline" },
];

/** A status named in the address, or none when it names no status. */
export const statusFromParam = (value: string | undefined) => fromParam(STATUS_FILTERS, value);

/** A record's status in MADR's words, which the list also filters by (?record=). */
export type RecordStatus = NonNullable<RouterInputs["project"]["list"]["recordStatus"]>;

export const RECORD_STATUS_FILTERS: StatusFilter<RecordStatus>[] = [
  { status: "proposed", label: "Proposed", variant: "neutral" },
  { status: "accepted", label: "Accepted", variant: "success" },
  { status: "rejected", label: "Rejected", variant: "warning" },
  { status: "deprecated", label: "Deprecated", variant: "warning" },
  { status: "superseded", label: "Superseded", variant: "outline" },
];

export const recordStatusFromParam = (value: string | undefined) =>
  fromParam(RECORD_STATUS_FILTERS, value);

/** A tag named in the address (?tag=), when it is one a project could carry. */
export function tagFromParam(value: string | undefined): string | undefined {
  const tag = value?.trim().toLowerCase();
  return tag && tag.length <= 30 && /^[a-z0-9][a-z0-9-]*$/.test(tag) ? tag : undefined;
}
