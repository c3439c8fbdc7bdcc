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

/** A record's status in MADR's words, which the list also filters by (?record=). */
export type RecordStatus = NonNullable<RouterInputs["project"]["list"]["recordStatus"]>;

export const RECORD_STATUS_FILTERS: {
  status: RecordStatus;
  label: string;
  variant: BadgeProps["variant"];
}[] = [
  { status: "proposed", label: "Proposed", variant: "neutral" },
  { status: "accepted", label: "Accepted", variant: "success" },
  { status: "rejected", label: "Rejected", variant: "warning" },
  { status: "deprecated", label: "Deprecated", variant: "warning" },
  { status: "superseded", label: "Superseded", variant: "outline" },
];

export function recordStatusFromParam(value: string | undefined): RecordStatus | undefined {
  return RECORD_STATUS_FILTERS.find((s) => s.status === value)?.status;
}

/** A tag named in the address (?tag=), when it is one a project could carry. */
export function tagFromParam(value: string | undefined): string | undefined {
  const tag = value?.trim().toLowerCase();
  return tag && tag.length <= 30 && /^[a-z0-9][a-z0-9-]*$/.test(tag) ? tag : undefined;
}
