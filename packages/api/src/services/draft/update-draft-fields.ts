import type { Prisma, PrismaClient } from "@tradeoff/db";
import type { TeamActor } from "../../domain/roles";
import { DomainError } from "../../errors";
import type { UpdateDraftFields } from "../../schemas/draft";
import { decisionMember, sharedActorRole } from "../member/current-role";
import { canManageProject } from "../project/access";
import { recordEvent } from "../project/events";
import { toJson } from "../record/record-decision";
import { resolvePeople } from "../record/resolve-people";
import { type LockedDraft, lockDraft } from "./lock-draft";
import { raiseDraftVersion } from "./store-draft-text";
import { DRAFT_FIELD_KEYS, draftFieldsSelect } from "./structured-fields";

/**
 * Changes the draft's structured fields (only those sent), remembers who changed which, and
 * writes a history event: the live stream carries it to every open page, which says "changed by X".
 */
export async function updateDraftFields(
  db: PrismaClient,
  actor: { userId: string; teamId: string },
  input: UpdateDraftFields,
) {
  return db.$transaction(async (tx) => {
    const draft = await openDraft(tx, actor, input.projectId);
    const data: Prisma.RecordDraftUpdateInput = {};
    const changed: Record<string, unknown> = {};
    if (input.chosenOptionKey !== undefined) {
      if (input.chosenOptionKey !== null) {
        const option = await tx.option.findFirst({
          where: { projectId: input.projectId, key: input.chosenOptionKey },
          select: { id: true },
        });
        if (!option) {
          throw new DomainError("BAD_REQUEST", "Choose one of the project's options.", {
            chosenOptionKey: ["Choose one of the project's options."],
          });
        }
      }
      data.chosenOptionKey = input.chosenOptionKey;
      changed.chosenOptionKey = input.chosenOptionKey;
    }
    if (input.decisionMakers || input.consulted || input.informed) {
      const people = await resolvePeople(tx, actor.teamId, {
        decisionMakers: input.decisionMakers ?? [],
        consulted: input.consulted ?? [],
        informed: input.informed ?? [],
      });
      if (input.decisionMakers) {
        await assertCanReview(tx, actor.teamId, input.decisionMakers);
        data.decisionMakers = toJson(people.decisionMakers);
        changed.decisionMakers = people.decisionMakers;
      }
      if (input.consulted) {
        data.consulted = toJson(people.consulted);
        changed.consulted = people.consulted;
      }
      if (input.informed) {
        data.informed = toJson(people.informed);
        changed.informed = people.informed;
      }
    }
    if (input.reviewDate !== undefined) {
      data.reviewDate = input.reviewDate;
      changed.reviewDate = input.reviewDate?.toISOString() ?? null;
    }
    if (input.links) {
      data.links = toJson(input.links);
      changed.links = input.links;
    }
    if (!DRAFT_FIELD_KEYS.some((k) => k in changed)) {
      throw new DomainError("BAD_REQUEST", "Send at least one field to change.");
    }
    // A form sends every field: only those that differ from what is stored count as changed.
    const stored = await tx.recordDraft.findUniqueOrThrow({
      where: { id: draft.id },
      select: draftFieldsSelect,
    });
    const before: Record<string, unknown> = {
      ...stored,
      reviewDate: stored.reviewDate?.toISOString() ?? null,
    };
    const fields = DRAFT_FIELD_KEYS.filter(
      (k) => k in changed && canonical(changed[k]) !== canonical(before[k]),
    );
    if (!fields.length) return { fields };
    if (fields.includes("decisionMakers")) {
      await assertMayChangeDecisionMakers(
        tx,
        draft.actor,
        input.projectId,
        before.decisionMakers,
        changed,
      );
    }
    const user = await tx.user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: { name: true, email: true },
    });
    data.fieldsChangedBy = {
      userId: actor.userId,
      name: user.name ?? user.email ?? "Member",
      fields,
      at: new Date().toISOString(),
    };
    // What a decision-maker approved is the whole record: a changed field turns approvals stale.
    await raiseDraftVersion(tx, draft, actor.userId, data);
    await recordEvent(tx, actor, input.projectId, {
      type: "draft.fields.changed",
      data: {
        fields,
        before: Object.fromEntries(fields.map((f) => [f, before[f]])),
        after: Object.fromEntries(fields.map((f) => [f, changed[f]])),
      },
    });
    return { fields };
  });
}

/** JSON with sorted keys: stored JSON (jsonb) does not keep the order its keys were written in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/**
 * The draft of a project of the actor's team, locked, and still open for changes, with the
 * actor's role as it stands (`actor`, the one rules check). The access check in front of the
 * request read the role before any lock: a member removed or demoted while the change waited
 * for the draft (behind a review, an acceptance) is refused as that check would refuse them now.
 * The team's row is shared, then the decision's row and the draft's are locked (`lockDraft`):
 * the order every draft change locks in, so none waits for another that waits for it.
 */
export async function openDraft(
  tx: Prisma.TransactionClient,
  actor: { userId: string; teamId: string },
  projectId: string,
): Promise<LockedDraft & { actor: TeamActor }> {
  const role = await sharedActorRole(tx, decisionMember(actor));
  const draft = await lockDraft(tx, { projectId });
  if (!draft || draft.teamId !== actor.teamId) {
    throw new DomainError(
      "NOT_FOUND",
      "This decision has no record draft yet: start the record draft first.",
    );
  }
  if (draft.status === "ACCEPTED") {
    throw new DomainError("CONFLICT", "This draft was accepted: the record is read-only now.");
  }
  if (draft.status === "DISCARDED") {
    throw new DomainError(
      "CONFLICT",
      "This draft was discarded: it is read-only. Start the record draft again to write a new one.",
    );
  }
  return { ...draft, actor: { userId: actor.userId, teamId: actor.teamId, role } };
}

/** Decision-makers approve or request changes, so each must be a member who may review. */
async function assertCanReview(
  tx: Prisma.TransactionClient,
  teamId: string,
  people: { userId?: string | undefined; name: string }[],
) {
  const message = "Decision-makers must be members of the team (members, admins or owners).";
  if (people.some((p) => !p.userId)) {
    throw new DomainError("BAD_REQUEST", message, { decisionMakers: [message] });
  }
  const ids = [...new Set(people.map((p) => p.userId as string))];
  const reviewers = await tx.membership.count({
    where: { teamId, userId: { in: ids }, role: { not: "VIEWER" } },
  });
  if (reviewers !== ids.length) {
    throw new DomainError("BAD_REQUEST", message, { decisionMakers: [message] });
  }
}

/**
 * Naming oneself a decision-maker, and removing the others, are for the decision's creator and
 * the team's admins: a member who could add themselves, or drop everyone else, could approve
 * their own draft alone. Members name others, and may step down themselves. Someone who can no
 * longer review (left the team, or made a viewer) may be removed by anyone: they do not count.
 */
async function assertMayChangeDecisionMakers(
  tx: Prisma.TransactionClient,
  actor: TeamActor,
  projectId: string,
  before: unknown,
  changed: Record<string, unknown>,
) {
  const people = (list: unknown) =>
    Array.isArray(list)
      ? list.flatMap((p) =>
          p && typeof p === "object" && "userId" in p && typeof p.userId === "string"
            ? [{ userId: p.userId, name: "name" in p ? String(p.name) : "" }]
            : [],
        )
      : [];
  const after = new Set(people(changed.decisionMakers).map((p) => p.userId));
  const previous = people(before);
  const namesThemselves =
    after.has(actor.userId) && !previous.some((p) => p.userId === actor.userId);
  const dropped = previous.filter((p) => p.userId !== actor.userId && !after.has(p.userId));
  if (!namesThemselves && !dropped.length) return;
  const project = await tx.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { createdById: true },
  });
  if (canManageProject(actor, project)) return;
  if (namesThemselves) {
    const message =
      "You cannot name yourself a decision-maker: the decision's creator or a team admin can. Name others, or ask one of them.";
    throw new DomainError("FORBIDDEN", message, { decisionMakers: [message] });
  }
  const reviewers = await tx.membership.findMany({
    where: {
      teamId: actor.teamId,
      userId: { in: dropped.map((p) => p.userId) },
      role: { not: "VIEWER" },
    },
    select: { userId: true },
  });
  const stillReviewing = dropped.filter((p) => reviewers.some((r) => r.userId === p.userId));
  if (!stillReviewing.length) return;
  const who = stillReviewing.map((p) => p.name || "a named decision-maker").join(", ");
  const message = `You cannot remove ${who} from the decision-makers: the decision's creator or a team admin can. Add others, or ask one of them.`;
  throw new DomainError("FORBIDDEN", message, { decisionMakers: [message] });
}
