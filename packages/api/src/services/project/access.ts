import type { Role } from "@tradeoff/db";
import { hasRole } from "../../domain/roles";
import { DomainError } from "../../errors";

/** Opening, closing, reopening and archiving belong to team admins and the project's creator. */
export function canManageProject(
  actor: { userId: string; role: Role },
  project: { createdById: string | null },
): boolean {
  return hasRole(actor.role, "ADMIN") || project.createdById === actor.userId;
}

export function assertCanManageProject(
  actor: { userId: string; role: Role },
  project: { createdById: string | null },
): void {
  if (!canManageProject(actor, project)) {
    throw new DomainError(
      "FORBIDDEN",
      "Only a team admin or the person who created this decision can do that.",
    );
  }
}

export type ProjectStatus = "DRAFT" | "OPEN" | "DECIDED" | "SUPERSEDED" | "ARCHIVED";

export const STATUS_WORDS: Record<ProjectStatus, string> = {
  DRAFT: "a draft",
  OPEN: "open for voting",
  DECIDED: "closed",
  SUPERSEDED: "superseded",
  ARCHIVED: "archived",
};
