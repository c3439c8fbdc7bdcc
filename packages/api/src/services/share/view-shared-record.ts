import type { PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";
import { draftSelect, draftView } from "../draft/get-draft";
import { type LinkedProject, loadRecordView, type RecordView } from "../record/record-view";
import { hashShareToken } from "./share-token";
import { withoutAccountAddresses } from "./without-addresses";

/**
 * The record behind a share link, for anyone holding it (no account). Unknown, revoked and
 * expired links all answer the same "not found", so a link's past existence is not revealed.
 */
export async function viewSharedRecord(
  db: PrismaClient,
  input: { token: string },
  opts: { appUrl?: string | null; now?: Date } = {},
) {
  const now = opts.now ?? new Date();
  const link = await db.shareLink.findUnique({
    where: { tokenHash: hashShareToken(input.token) },
    select: { projectId: true, teamId: true, showVotes: true, revokedAt: true, expiresAt: true },
  });
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt <= now)) {
    throw new DomainError(
      "NOT_FOUND",
      "This share link does not exist, has expired or was revoked.",
    );
  }
  const view = await loadRecordView(
    db,
    { teamId: link.teamId, projectId: link.projectId },
    { includeVotes: link.showVotes, now },
  );
  // The draft stays inside the team until it is accepted (it then is the record), unless the
  // sharer chose to show it before.
  const draftRow = await db.recordDraft.findFirst({
    where: {
      projectId: link.projectId,
      teamId: link.teamId,
      status: "PROPOSED",
      sharedBeforeAcceptance: true,
    },
    select: { ...draftSelect, project: { select: { approvalRule: true } } },
  });
  const draft = draftRow ? draftView(draftRow, draftRow.project.approvalRule) : null;
  const linked = await linkedDecisions(db, link.teamId, view, now);
  // A reader outside the team sees the record, and nothing else of the team: every field is
  // named here (no internal ids, addresses or other projects). A field added to the record
  // view stays inside the team until it is added here too. Members are named, never shown by
  // their address.
  return withoutAccountAddresses(db, {
    recordDraft: draft && {
      status: draft.status,
      chosenOptionKey: draft.chosenOptionKey,
      text: draft.text,
      decisionMakers: namesOnly(draft.decisionMakers),
      consulted: namesOnly(draft.consulted),
      informed: namesOnly(draft.informed),
      reviewDate: draft.reviewDate,
      links: draft.links,
      approval: draft.approval.summary,
    },
    team: { name: view.team.name },
    project: {
      number: view.project.number,
      title: view.project.title,
      context: view.project.context,
      status: view.project.status,
      votingMode: view.project.votingMode,
      method: view.project.method,
      round: view.project.round,
      tags: view.project.tags,
      createdAt: view.project.createdAt,
      openedAt: view.project.openedAt,
      closedAt: view.project.closedAt,
    },
    options: view.options.map(({ key, name, description }) => ({ key, name, description })),
    criteria: view.criteria.map((c) => ({
      key: c.key,
      name: c.name,
      description: c.description,
      defaultWeight: c.defaultWeight,
      mustHave: c.mustHave,
      guidance: c.guidance,
      anchorLow: c.anchorLow,
      anchorHigh: c.anchorHigh,
    })),
    result: view.result,
    coverage: view.coverage,
    participation: view.participation,
    unreadableVotes: view.unreadableVotes,
    status: view.status,
    votes: sharedVotes(view.votes),
    decision: view.decision && {
      chosenOptionKey: view.decision.chosenOptionKey,
      justification: view.decision.justification,
      rationale: view.decision.rationale,
      consequences: view.decision.consequences,
      decisionMakers: namesOnly(view.decision.decisionMakers),
      consulted: namesOnly(view.decision.consulted),
      informed: namesOnly(view.decision.informed),
      confirmation: view.decision.confirmation,
      links: view.decision.links,
      reviewDate: view.decision.reviewDate,
      revision: view.decision.revision,
      decidedAt: view.decision.decidedAt,
      decidedBy: view.decision.decidedBy,
      recommendedKey: view.decision.recommendedKey,
      coverage: view.decision.coverage,
      moreInformation: view.decision.moreInformation ?? null,
      approvals: view.decision.approvals ?? [],
      revisedBy: view.decision.revisedBy ?? null,
      overrideReason: view.decision.overrideReason ?? null,
      imported: view.decision.imported ?? null,
    },
    supersedes: linked.supersedes,
    supersededBy: linked.supersededBy,
    draft: view.draft,
    generatedAt: view.generatedAt,
    expiresAt: link.expiresAt,
  });
}

/** People a record names (decision-makers, consulted, informed), by their name alone. */
function namesOnly(people: { name: string }[]) {
  return people.map(({ name }) => ({ name }));
}

/**
 * A decision this one supersedes or is superseded by, as a reader outside the team sees it: its
 * number, and its title only when the team shares that decision too (an active share link of
 * its own). A link's address is known only to whoever it was given to, so none is offered.
 */
export type SharedLinkedDecision = { number: number; title: string | null };

async function linkedDecisions(
  db: PrismaClient,
  teamId: string,
  view: Pick<RecordView, "supersedes" | "supersededBy">,
  now: Date,
) {
  const ids = [...view.supersedes, ...view.supersededBy].map((p) => p.id);
  const shared =
    ids.length === 0
      ? []
      : await db.shareLink.findMany({
          where: {
            teamId,
            projectId: { in: ids },
            revokedAt: null,
            OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
          },
          select: { projectId: true },
          distinct: ["projectId"],
        });
  const sharedToo = new Set(shared.map((l) => l.projectId));
  const shown = (p: LinkedProject): SharedLinkedDecision => ({
    number: p.number,
    title: sharedToo.has(p.id) ? p.title : null,
  });
  return { supersedes: view.supersedes.map(shown), supersededBy: view.supersededBy.map(shown) };
}

/**
 * The individual votes a link shows, by member name; each member's id is replaced by a number
 * that tells one voter from another within this view only.
 */
function sharedVotes(votes: RecordView["votes"]) {
  if (!votes) return null;
  const voters = new Map<string, string>();
  return votes.map((v) => {
    let voter = voters.get(v.memberId);
    if (!voter) {
      voter = `voter-${voters.size + 1}`;
      voters.set(v.memberId, voter);
    }
    return {
      memberId: voter,
      member: v.member,
      criterionKey: v.criterionKey,
      weight: v.weight,
      scores: v.scores,
      noOpinion: v.noOpinion,
      rationale: v.rationale,
      updatedAt: v.updatedAt,
    };
  });
}
