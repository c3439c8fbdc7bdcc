import type { ProjectStatus } from "../project/access";

/**
 * A decision record's status in the words of MADR and log4brains (docs/decision-records.md):
 * proposed (not decided yet), accepted, rejected (closed without a decision), deprecated (a
 * decision no longer followed) and superseded (replaced by later records).
 */
export const RECORD_STATUSES = [
  "proposed",
  "accepted",
  "rejected",
  "deprecated",
  "superseded",
] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** The project statuses a record of each status can have: what a list filters on first. */
export const PROJECT_STATUSES_OF: Record<RecordStatus, ProjectStatus[]> = {
  proposed: ["DRAFT", "OPEN", "DECIDED"],
  accepted: ["DECIDED"],
  rejected: ["ARCHIVED"],
  deprecated: ["ARCHIVED"],
  superseded: ["SUPERSEDED"],
};

/**
 * The record status of a project: from its status, whether a decision is recorded, and, for a
 * record imported from a docs/decisions folder, the status word its file had (an imported
 * "rejected" stays rejected, an imported "proposed" stays proposed).
 */
export function recordStatusOf(project: {
  status: ProjectStatus;
  recorded: boolean;
  sourceStatus?: string | null;
}): RecordStatus {
  if (project.status === "SUPERSEDED") return "superseded";
  const word = project.sourceStatus?.trim().split(/\s/)[0]?.toLowerCase();
  if (project.status === "ARCHIVED") {
    if (word === "rejected" || word === "deprecated") return word;
    return project.recorded ? "deprecated" : "rejected";
  }
  if (!project.recorded) return "proposed";
  return word === "proposed" || word === "draft" ? "proposed" : "accepted";
}
