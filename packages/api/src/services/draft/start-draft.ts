import type { Prisma, PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";
import type { DraftText } from "../../schemas/draft";
import { markdownLine } from "../export/markdown-text";
import { SCORE_RULE, VERDICT_ORDER, verdictOf } from "../export/score-verdict";
import { isBlind } from "../history/event-view";
import { decisionMember, sharedActorRole } from "../member/current-role";
import { STATUS_WORDS } from "../project/access";
import { recordEvent } from "../project/events";
import { type LoadedDecision, loadDecision } from "../project/load-decision";
import { lockProject } from "../project/lock-project";
import { aggregateOrUnscored } from "../record/unscored";

type Actor = { userId: string; teamId: string };

/**
 * Starts the project's shared record draft, once voting has opened, pre-filled from the
 * project: the recommendation as the chosen option, the considered options, and the members'
 * vote reasons per option (each naming its criterion and author). Starting again returns the
 * draft that exists; the project's row lock makes two starts at once write one draft. A
 * discarded draft is replaced by a new one, pre-filled from the project as it stands (its text,
 * reviews and comments go; the history keeps that it was discarded, and by whom).
 */
export async function startDraft(db: PrismaClient, actor: Actor, input: { projectId: string }) {
  return db.$transaction(async (tx) => {
    // The team, the decision, then the draft: the order every draft change locks in (lock-draft.ts).
    await sharedActorRole(tx, decisionMember(actor));
    const locked = await lockProject(tx, actor, input.projectId, "update");
    const existing = await tx.recordDraft.findUnique({
      where: { projectId: input.projectId },
      select: { id: true, status: true },
    });
    if (existing && existing.status !== "DISCARDED") {
      return { draftId: existing.id, created: false };
    }
    if (locked.status !== "OPEN" && locked.status !== "DECIDED") {
      throw new DomainError(
        "PRECONDITION_FAILED",
        `The record's draft can be started once voting has opened; this decision is ${STATUS_WORDS[locked.status]}.`,
      );
    }
    const recorded = await tx.decisionRecord.findUnique({
      where: { projectId: input.projectId },
      select: { id: true },
    });
    if (recorded) {
      throw new DomainError(
        "CONFLICT",
        "This decision is already recorded: change it with a new revision of the record.",
      );
    }
    if (existing) await tx.recordDraft.delete({ where: { id: existing.id }, select: { id: true } });
    const [loaded, project] = [
      await loadDecision(tx, input.projectId, { inTransaction: true }),
      await tx.project.findUniqueOrThrow({
        where: { id: input.projectId },
        select: { context: true, status: true, votingMode: true },
      }),
    ];
    // Blind voting keeps the result and everyone's reasons secret until it closes.
    const blind = isBlind(project);
    const winner = blind
      ? null
      : aggregateOrUnscored(loaded.decision, { method: loaded.method }).winner;
    // Stored as the editor writes it, so an address quoted from a vote reason stays bare, as the
    // voter typed it, and opening the draft without typing changes no text and no approval.
    // biome-ignore lint/style/noRestrictedImports: lazy, so Yjs stays out of the bundled API.
    const { documentTextOfUpdates, seedUpdate } = await import("./document-schema");
    const text = documentTextOfUpdates([
      seedUpdate(prefilledText(loaded, project.context, winner, blind)),
    ]);
    const draft = await tx.recordDraft.create({
      data: {
        projectId: input.projectId,
        teamId: locked.teamId,
        chosenOptionKey: winner,
        startedById: actor.userId,
        text: text as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    await recordEvent(tx, actor, input.projectId, {
      type: "draft.started",
      data: { chosenOptionKey: winner },
    });
    return { draftId: draft.id, created: true };
  });
}

const KIND = { Good: "good", Neutral: "neutral", Bad: "bad" } as const;

/**
 * The Markdown the team starts from: nothing in it that nobody entered. What people typed (vote
 * reasons, option, criterion and member names) is quoted as the text it is, one line each: a
 * reason that looks like Markdown (`# heading`, `[link](…)`, `<b>`, `*word*`) shows as typed
 * and changes neither its list item nor the sections around it. Each reason says the score its
 * author gave the option it is filed under, the number that placed it. The consequences are
 * those of the chosen option only: none without one.
 */
export function prefilledText(
  loaded: Pick<LoadedDecision, "project" | "members" | "votes">,
  context: string,
  chosenKey: string | null,
  blind: boolean,
): DraftText {
  const nameOf = new Map(loaded.members.map((m) => [m.id, m.name]));
  const criterionName = new Map(loaded.project.criteria.map((c) => [c.key, c.name]));
  const options = loaded.project.options;
  const reasons = blind ? [] : loaded.votes.filter((v) => v.rationale?.trim());
  /** The reasons that scored the option, best score first (the order the exports list them in). */
  const scoredFor = (option: (typeof options)[number]) =>
    reasons
      .flatMap((v) => {
        const score = v.scores[option.key];
        if (score == null) return [];
        const said = `"${markdownLine(v.rationale ?? "")}" (${markdownLine(nameOf.get(v.voterId) ?? "Former member")} on ${markdownLine(criterionName.get(v.criterionKey) ?? v.criterionKey)}, scoring ${markdownLine(option.name)} ${score} of 5)`;
        return [{ verdict: verdictOf(score), said }];
      })
      .sort((a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict]);
  const consequences: Record<"good" | "neutral" | "bad", string[]> = {
    good: [],
    neutral: [],
    bad: [],
  };
  const chosen = options.find((o) => o.key === chosenKey);
  if (chosen) {
    for (const r of scoredFor(chosen)) consequences[KIND[r.verdict]].push(`- ${r.said}`);
  }
  const perOption = options.map((o) => {
    const items = scoredFor(o).map((r) => `- ${r.verdict}, because ${r.said}`);
    return `### ${markdownLine(o.name)}\n\n${items.length ? items.join("\n") : blind ? "- Voting is blind until it closes: reasons are not shown yet." : "- No reasons given in the votes yet."}`;
  });
  const moreInformation = [
    `Considered options: ${options.map((o) => markdownLine(o.name)).join(", ")}.`,
    "## Members' reasons per option",
    `Each reason is filed under the score its author gave that option: ${SCORE_RULE}.`,
    ...perOption,
  ].join("\n\n");
  return {
    context,
    rationale: "",
    good: consequences.good.join("\n"),
    neutral: consequences.neutral.join("\n"),
    bad: consequences.bad.join("\n"),
    confirmation: "",
    moreInformation,
  };
}
