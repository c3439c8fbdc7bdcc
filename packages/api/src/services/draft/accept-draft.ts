import type { PrismaClient } from "@tradeoff/db";
import { hasRole, type TeamActor } from "../../domain/roles";
import { DomainError } from "../../errors";
import { recordFieldsSchema } from "../../schemas/record";
import { decisionMember, sharedActorRole } from "../member/current-role";
import { recordEvent } from "../project/events";
import { lockProject } from "../project/lock-project";
import { writeDecision } from "../record/record-decision";
import { approvalStatus, reviewerIds, reviewersSelect } from "./approval";
import { announceDraftClosed } from "./draft-closed";
import { markdownListItems, readDraftText } from "./draft-text";
import { settleDraftText, settleOpenDraft } from "./settle-draft-text";
import { draftFieldsSelect, readDraftFields } from "./structured-fields";
import { openDraft } from "./update-draft-fields";

const FIELD_LABELS: Record<string, string> = {
  chosenOptionKey: "Chosen option",
  rationale: "Rationale",
  confirmation: "Confirmation",
  decisionMakers: "Decision-makers",
  consulted: "Consulted",
  informed: "Informed",
  links: "Links",
  reviewDate: "Review date",
};

/**
 * Accepts the draft when the project's approval rule is met (or, for an owner or admin, with a
 * written reason when it is not). In one transaction: closes voting if still open, writes
 * revision 1 of the record exactly as the text and fields stand (the draft is locked, so no edit
 * slips in between: the document servers store an edit only while the draft is proposed, and
 * tell its typist when it came too late), and marks the draft accepted and read-only, which the
 * document servers hear at once (announceDraftClosed). Edits still on their way to the
 * stored Markdown are settled into it first, and that is kept even when acceptance is refused:
 * approvals are checked against the text everyone sees, and the record leaves none of it out.
 */
export async function acceptDraft(
  db: PrismaClient,
  actor: TeamActor,
  input: {
    projectId: string;
    overrideReason: string | null;
    justification?: string | null;
    confirmProvisional: boolean;
  },
) {
  await settleOpenDraft(db, actor, input.projectId);
  return db.$transaction(async (tx) => {
    // The team, the decision, then the draft: the order every draft change locks in (lock-draft.ts).
    await sharedActorRole(tx, decisionMember(actor));
    const locked = await lockProject(tx, actor, input.projectId, "update");
    const draftLock = await settleDraftText(tx, await openDraft(tx, actor, input.projectId));
    const [draft, project] = [
      await tx.recordDraft.findUniqueOrThrow({
        where: { id: draftLock.id },
        select: {
          ...draftFieldsSelect,
          text: true,
          textVersion: true,
          reviews: { select: { userId: true, verdict: true, textVersion: true } },
          team: reviewersSelect,
        },
      }),
      await tx.project.findUniqueOrThrow({
        where: { id: input.projectId },
        select: { approvalRule: true },
      }),
    ];
    const fields = readDraftFields(draft);
    const approval = approvalStatus(
      project.approvalRule,
      fields.decisionMakers,
      draft.reviews,
      draft.textVersion,
      reviewerIds(draft.team),
    );
    if (approval.total === 0) {
      throw new DomainError("PRECONDITION_FAILED", approval.summary, {
        decisionMakers: ["Name at least one decision-maker."],
      });
    }
    const override = !approval.met;
    if (override) {
      if (!hasRole(locked.actor.role, "ADMIN")) {
        throw new DomainError(
          "PRECONDITION_FAILED",
          `${approval.summary} Ask the decision-makers to review it; an owner or admin may accept without it by writing why.`,
        );
      }
      if (!input.overrideReason) {
        throw new DomainError(
          "PRECONDITION_FAILED",
          `${approval.summary} To accept without it, write why: the reason is kept in the record and its exports.`,
          { overrideReason: ["Write why the record is accepted without the approvals it needs."] },
        );
      }
    }
    const text = readDraftText(draft.text);
    const parsed = recordFieldsSchema.safeParse({
      chosenOptionKey: fields.chosenOptionKey,
      justification: input.justification ?? null,
      rationale: text.rationale,
      consequences: {
        good: markdownListItems(text.good),
        neutral: markdownListItems(text.neutral),
        bad: markdownListItems(text.bad),
      },
      decisionMakers: fields.decisionMakers,
      consulted: fields.consulted,
      informed: fields.informed,
      confirmation: text.confirmation,
      links: fields.links,
      reviewDate: fields.reviewDate,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const [field, kind] = issue?.path ?? [];
      const label =
        field === "consequences"
          ? `${String(kind ?? "").replace(/^./, (c) => c.toUpperCase())} consequences`
          : (FIELD_LABELS[String(field)] ?? "A field");
      const message =
        field === "chosenOptionKey" ? "choose the option the team decided on." : issue?.message;
      throw new DomainError(
        "BAD_REQUEST",
        `The draft is not ready to accept. ${label}: ${message ?? "it is invalid."}`,
        field ? { [String(field)]: [message ?? "It is invalid."] } : undefined,
      );
    }
    const record = await writeDecision(
      tx,
      actor,
      locked,
      { ...parsed.data, projectId: input.projectId, confirmProvisional: input.confirmProvisional },
      {
        context: text.context.trim() || null,
        moreInformation: text.moreInformation.trim() || null,
      },
    );
    const now = new Date();
    await tx.recordDraft.update({
      where: { id: draftLock.id },
      data: {
        status: "ACCEPTED",
        acceptedAt: now,
        acceptedById: actor.userId,
        overrideReason: override ? input.overrideReason : null,
      },
      select: { id: true },
    });
    await announceDraftClosed(tx, { draftId: draftLock.id, status: "ACCEPTED" });
    await recordEvent(tx, actor, input.projectId, {
      type: "draft.accepted",
      data: {
        textVersion: draft.textVersion,
        rule: approval.rule,
        approved: approval.approved,
        decisionMakers: approval.total,
        summary: approval.summary,
      },
    });
    if (override) {
      await recordEvent(tx, actor, input.projectId, {
        type: "draft.overridden",
        data: { reason: input.overrideReason, summary: approval.summary },
      });
    }
    return { revision: record.revision, overridden: override, approval };
  });
}
