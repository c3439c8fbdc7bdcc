import type { PrismaClient } from "@tradeoff/db";
import type { TeamActor } from "../../domain/roles";
import { DomainError } from "../../errors";
import { decisionMember, sharedActorRole } from "../member/current-role";
import { assertCanManageProject } from "../project/access";
import { recordEvent } from "../project/events";
import { lockProject } from "../project/lock-project";
import { announceDraftClosed } from "./draft-closed";
import { lockDraft } from "./lock-draft";

/**
 * Sets the project's open record draft aside (the project's creator, or an owner or admin): it
 * becomes read-only, is never the record, and the history says who discarded it. The record
 * form can record the decision afterwards, and starting the draft again writes a new one. Open
 * editors turn read-only at once (announceDraftClosed), and an edit that was on its way is not
 * stored: its typist is told (document-server.ts).
 */
export async function discardDraft(
  db: PrismaClient,
  actor: TeamActor,
  input: { projectId: string },
) {
  return db.$transaction(async (tx) => {
    // The team, the decision, then the draft: the order every draft change locks in (lock-draft.ts).
    await sharedActorRole(tx, decisionMember(actor));
    const locked = await lockProject(tx, actor, input.projectId, "update");
    assertCanManageProject(locked.actor, locked);
    const draft = await lockDraft(tx, { projectId: input.projectId });
    if (!draft || draft.teamId !== actor.teamId) {
      throw new DomainError("NOT_FOUND", "This decision has no record draft to discard.");
    }
    if (draft.status === "ACCEPTED") {
      throw new DomainError(
        "CONFLICT",
        "This draft was accepted: it is the decision's record now. Change it with a new revision of the record.",
      );
    }
    if (draft.status === "DISCARDED") {
      throw new DomainError("CONFLICT", "This draft was already discarded.");
    }
    const discardedAt = new Date();
    await tx.recordDraft.update({
      where: { id: draft.id },
      data: { status: "DISCARDED", discardedAt, discardedById: actor.userId },
      select: { id: true },
    });
    await announceDraftClosed(tx, { draftId: draft.id, status: "DISCARDED" });
    await recordEvent(tx, actor, input.projectId, {
      type: "draft.discarded",
      data: { textVersion: draft.textVersion },
    });
    return { discardedAt: discardedAt.toISOString() };
  });
}
