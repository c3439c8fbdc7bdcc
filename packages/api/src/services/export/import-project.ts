import type { Prisma, PrismaClient } from "@tradeoff/db";
import { aggregate, type Method, recordedDecision } from "@tradeoff/scoring";
import { z } from "zod";
import { DomainError } from "../../errors";
import { readIsoDate } from "../../schemas/dates";
import { tagSchema } from "../../schemas/folder";
import { guidanceMapSchema } from "../../schemas/project";
import { recordEvent } from "../project/events";
import { withGuidanceFor } from "../project/guidance";
import { IMPORT_ARCHIVE_ROUND } from "../record/import-archive";
import { createDecisionRecord, toJson } from "../record/record-decision";
import { JSON_EXPORT_FORMAT, JSON_EXPORT_VERSION } from "./json";

/**
 * A moment in the file (ISO 8601 with its offset), read as the app reads every date: a day the
 * calendar does not have, or a year before 2000 or far ahead, is refused by field.
 */
const fileMoment = z.iso.datetime().superRefine((value, ctx) => {
  const read = readIsoDate(value);
  if (typeof read === "string") ctx.addIssue({ code: "custom", message: read });
});

const key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/)
  .max(40);
const score = z.number().min(1).max(5).nullable();
const person = z.object({ userId: z.string().optional(), name: z.string().max(120) });

/** What an import accepts: version 1 of the JSON export (see docs/decision-records.md). */
const documentSchema = z.object({
  format: z.literal(JSON_EXPORT_FORMAT),
  version: z.literal(JSON_EXPORT_VERSION),
  project: z.object({
    title: z.string().trim().min(1).max(200),
    context: z.string().max(20_000),
    status: z.enum(["DRAFT", "OPEN", "DECIDED", "SUPERSEDED", "ARCHIVED"]),
    votingMode: z.enum(["OPEN", "BLIND"]),
    method: z.enum(["weighted-mean", "median", "borda"]),
    templateKey: z.string().max(80).nullable(),
    /** Since tags were added to the export; older files have none. */
    tags: z.array(tagSchema).max(20).default([]),
  }),
  options: z
    .array(z.object({ key, name: z.string().min(1).max(80), description: z.string().max(1000) }))
    .min(2)
    .max(6),
  criteria: z
    .array(
      z.object({
        key,
        name: z.string().min(1).max(120),
        description: z.string().max(2000),
        defaultWeight: z.number().min(0).max(5),
        mustHave: z.boolean(),
        guidance: guidanceMapSchema.optional(),
        anchorLow: z.string().max(200).nullable().optional(),
        anchorHigh: z.string().max(200).nullable().optional(),
      }),
    )
    .min(1)
    .max(30),
  votes: z
    .array(
      z.object({
        memberId: z.string().min(1).max(64),
        member: z.string().max(200),
        criterionKey: key,
        weight: z.number().min(0).max(5).nullable(),
        scores: z.record(z.string(), score),
        noOpinion: z.boolean().optional(),
        rationale: z.string().max(4000).nullable(),
        updatedAt: fileMoment,
      }),
    )
    .max(100_000)
    .nullable(),
  /** The exporting team's voting members: the basis of the participation and coverage lines. */
  participation: z.object({ eligible: z.number().int().min(0).max(100_000) }).nullish(),
  result: z
    .object({
      winner: z.string().nullable(),
      totals: z
        .array(z.object({ optionKey: z.string().max(40), score: z.number().nullable() }))
        .max(6),
    })
    .nullable(),
  decision: z
    .object({
      chosenOptionKey: key,
      recommendedKey: z.string().nullable(),
      justification: z.string().max(4000).nullable(),
      rationale: z.string().min(1).max(8000),
      consequences: z.object({
        good: z.array(z.string().max(500)).max(20),
        neutral: z.array(z.string().max(500)).max(20),
        bad: z.array(z.string().max(500)).max(20),
      }),
      // The same bounds as a record written in the app.
      decisionMakers: z.array(person).max(50),
      consulted: z.array(person).max(50),
      informed: z.array(person).max(50),
      confirmation: z.string().max(4000).nullable(),
      /** Records accepted from a shared draft (absent in older exports). */
      moreInformation: z.string().max(200_000).nullish(),
      links: z
        .array(z.object({ label: z.string().max(200), url: z.url({ protocol: /^https?$/ }) }))
        .max(20),
      reviewDate: fileMoment.nullable(),
      decidedAt: fileMoment,
      /** Who recorded the decision in the exporting team, kept as a name. */
      decidedBy: z.string().max(200).nullish(),
      /** The decision-makers' approvals of a record accepted from a shared draft. */
      approvals: z
        .array(z.object({ name: z.string().max(200), at: fileMoment }))
        .max(50)
        .nullish(),
      /** Why a record accepted from a shared draft was accepted without the approvals it needed. */
      overrideReason: z.string().max(4000).nullish(),
      coverage: z
        .object({
          counted: z.number().int().min(0).max(30),
          total: z.number().int().min(1).max(30),
          weightShare: z.number().min(0).max(1),
          complete: z.number().int().min(0),
          voted: z.number().int().min(0),
          eligible: z.number().int().min(0),
          status: z.enum(["provisional", "ready"]),
          /** Votes that could not be read when it was recorded (absent in older exports). */
          unreadableVotes: z.number().int().min(0).optional(),
        })
        .nullable()
        .optional(),
    })
    .nullable(),
});

type ImportDocument = z.infer<typeof documentSchema>;

const problem = (message: string, problems: string[]) =>
  new DomainError("BAD_REQUEST", message, { document: problems });

/** Every reason the file cannot be imported, as `path: what is wrong` lines. */
export function checkImportDocument(raw: unknown): ImportDocument {
  const head = (raw ?? {}) as { format?: unknown; version?: unknown };
  if (typeof raw !== "object" || raw === null || head.format !== JSON_EXPORT_FORMAT) {
    throw problem("This is not a Tradeoff decision record export.", [
      `format: expected "${JSON_EXPORT_FORMAT}"`,
    ]);
  }
  if (head.version !== JSON_EXPORT_VERSION) {
    throw problem(
      `This export is version ${String(head.version)}; this server imports version ${JSON_EXPORT_VERSION}.`,
      [`version: expected ${JSON_EXPORT_VERSION}, found ${String(head.version)}`],
    );
  }
  const parsed = documentSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 20)
      .map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`);
    throw problem("The file does not match the export format; nothing was imported.", problems);
  }
  const doc = parsed.data;
  const problems: string[] = [];
  const optionKeys = new Set(doc.options.map((o) => o.key));
  const criterionKeys = new Set(doc.criteria.map((c) => c.key));
  if (optionKeys.size !== doc.options.length) problems.push("options: two options share a key");
  if (criterionKeys.size !== doc.criteria.length)
    problems.push("criteria: two criteria share a key");
  const seen = new Set<string>();
  for (const [i, vote] of (doc.votes ?? []).entries()) {
    if (!criterionKeys.has(vote.criterionKey))
      problems.push(`votes.${i}.criterionKey: no criterion "${vote.criterionKey}"`);
    for (const k of Object.keys(vote.scores))
      if (!optionKeys.has(k)) problems.push(`votes.${i}.scores: no option "${k}"`);
    const id = `${vote.memberId}/${vote.criterionKey}`;
    if (seen.has(id))
      problems.push(`votes.${i}: a second vote of the same member on the same criterion`);
    seen.add(id);
  }
  if (doc.decision && !optionKeys.has(doc.decision.chosenOptionKey))
    problems.push(`decision.chosenOptionKey: no option "${doc.decision.chosenOptionKey}"`);
  // The result in the file must be the one its votes give: an edited score or total shows here.
  if (doc.votes && doc.result && problems.length === 0) {
    const rec = aggregate(
      {
        ...recordedDecision({ options: doc.options, criteria: doc.criteria, votes: doc.votes }),
        members: [...new Set(doc.votes.map((v) => v.memberId))],
      },
      { method: doc.project.method as Method, resamples: 0 },
    );
    const totalOf = new Map(rec.totals.map((t) => [t.optionKey, t.score]));
    const mismatch = doc.result.totals.find((t) => {
      const own = totalOf.get(t.optionKey) ?? null;
      // Both absent (nothing counted) agree; a total on one side only is a change.
      if (own === null || t.score === null) return own !== t.score;
      return Math.abs(own - t.score) > 0.01;
    });
    if (mismatch || rec.winner !== doc.result.winner)
      problems.push(
        `result: the totals in the file do not match its votes${mismatch ? ` (${mismatch.optionKey})` : ""}; the file was changed after export`,
      );
  }
  if (problems.length)
    throw problem("The file is inconsistent; nothing was imported.", problems.slice(0, 20));
  return doc;
}

const STATUS_OF_METHOD = {
  "weighted-mean": "WEIGHTED_MEAN",
  median: "MEDIAN",
  borda: "BORDA",
} as const;

/**
 * Recreates an exported project in another team, in one transaction: a decided record comes
 * back decided, its votes as a read-only archive (the voters are not members here).
 */
export async function importProject(
  db: PrismaClient,
  actor: { userId: string; teamId: string },
  raw: unknown,
) {
  const doc = checkImportDocument(raw);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM teams WHERE id = ${actor.teamId} FOR UPDATE`;
    const last = await tx.project.findFirst({
      where: { teamId: actor.teamId },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    const now = new Date();
    const decided = doc.decision !== null;
    const project = await tx.project.create({
      data: {
        teamId: actor.teamId,
        number: (last?.number ?? 0) + 1,
        title: doc.project.title,
        context: doc.project.context,
        // A rejected or deprecated record stays archived; a superseded one comes back decided
        // (its successors are not part of the file).
        status: doc.project.status === "ARCHIVED" ? "ARCHIVED" : decided ? "DECIDED" : "DRAFT",
        tags: [...new Set(doc.project.tags)],
        method: STATUS_OF_METHOD[doc.project.method],
        votingMode: doc.project.votingMode,
        templateKey: doc.project.templateKey,
        createdById: actor.userId,
        closedAt: decided ? now : null,
        options: {
          create: doc.options.map((o, position) => ({ ...o, position })),
        },
        criteria: {
          create: withGuidanceFor(
            doc.criteria.map((c) => ({ ...c, guidance: c.guidance ?? {} })),
            new Set(doc.options.map((o) => o.key)),
          ).map((c, position) => ({
            key: c.key,
            name: c.name,
            description: c.description,
            defaultWeight: c.defaultWeight,
            mustHave: c.mustHave,
            guidance: c.guidance as Prisma.InputJsonValue,
            anchorLow: c.anchorLow ?? null,
            anchorHigh: c.anchorHigh ?? null,
            position,
          })),
        },
      },
      select: { id: true, number: true, title: true, status: true },
    });
    if (doc.votes?.length) {
      await tx.projectRound.create({
        data: {
          projectId: project.id,
          round: IMPORT_ARCHIVE_ROUND,
          votes: toJson(
            doc.votes.map((v) => ({
              voterId: v.memberId,
              member: v.member,
              criterionKey: v.criterionKey,
              weight: v.weight,
              scores: v.scores,
              ...(v.noOpinion ? { noOpinion: true } : {}),
              rationale: v.rationale,
              updatedAt: v.updatedAt,
            })),
          ),
          result: toJson(doc.result ?? {}),
        },
        select: { id: true },
      });
    }
    if (doc.decision) {
      const {
        decidedAt,
        recommendedKey,
        reviewDate,
        coverage,
        decidedBy,
        approvals,
        overrideReason,
        ...fields
      } = doc.decision;
      // People of the other team are kept by name: their accounts are not members here.
      const names = (list: { name: string }[]) => list.map(({ name }) => ({ name }));
      const stored = {
        ...fields,
        decisionMakers: names(fields.decisionMakers),
        consulted: names(fields.consulted),
        informed: names(fields.informed),
        reviewDate: reviewDate ? new Date(reviewDate) : null,
      };
      await createDecisionRecord(tx, {
        projectId: project.id,
        teamId: actor.teamId,
        actorId: actor.userId,
        recommendedKey,
        decidedAt: new Date(decidedAt),
        fields: stored,
        recordOnly: coverage ? { coverage: toJson(coverage) } : {},
        note: "Imported from a JSON export.",
      });
    }
    await recordEvent(tx, actor, project.id, {
      type: "project.imported",
      // Who decided and approved in the exporting team, as named in the file (their accounts are
      // not members here), why it was accepted without its approvals if it was, and its
      // members, the one basis of participation and coverage.
      data: {
        from: "json",
        votes: doc.votes?.length ?? 0,
        decided,
        decidedBy: doc.decision?.decidedBy ?? null,
        approvals: doc.decision?.approvals ?? [],
        overrideReason: doc.decision?.overrideReason?.trim() || null,
        eligible: doc.participation?.eligible ?? doc.decision?.coverage?.eligible ?? null,
      },
    });
    return project;
  });
}
