import { isDeepStrictEqual } from "node:util";
import type { PrismaClient } from "@tradeoff/db";
import type { TeamActor } from "../../domain/roles";
import { DomainError } from "../../errors";
import { type RecordFields, STALE_REVISION_MESSAGE } from "../../schemas/record";
import { assertCanManageProject } from "../project/access";
import { recordEvent } from "../project/events";
import { lockProject } from "../project/lock-project";
import { storedFields, toJson } from "./record-decision";
import { readRecordSource } from "./record-source";
import { readRecordCoverage } from "./stored-fields";

/**
 * Changes a recorded decision by adding a revision: the record shows the latest, and every
 * earlier revision stays readable with who made it and when. The recommendation it is compared
 * with is the one stored when the decision was first recorded. With `expectedRevision` (the
 * revision the editor read), a revision made after someone else's is refused with CONFLICT
 * instead of silently undoing theirs.
 */
export async function reviseRecord(
  db: PrismaClient,
  actor: TeamActor,
  input: RecordFields & { projectId: string; note: string; expectedRevision?: number | undefined },
) {
  return db.$transaction(async (tx) => {
    const locked = await lockProject(tx, actor, input.projectId, "update");
    assertCanManageProject(locked.actor, locked);
    const record = await tx.decisionRecord.findUnique({
      where: { projectId: input.projectId },
      select: { id: true, revision: true, recommendedKey: true, source: true, coverage: true },
    });
    if (!record) throw new DomainError("CONFLICT", "Record the decision before revising it.");
    // Read under the project's lock: two revisions of the same revision cannot both pass.
    if (input.expectedRevision !== undefined && input.expectedRevision !== record.revision) {
      throw new DomainError("CONFLICT", STALE_REVISION_MESSAGE, {
        expectedRevision: [STALE_REVISION_MESSAGE],
      });
    }
    // An imported record is the file it came from, kept as written; it changes by a new decision.
    const source = readRecordSource(record.source);
    if (source)
      throw new DomainError(
        "CONFLICT",
        `This record was imported from ${source.fileName} and is read-only: record a new decision that supersedes it instead.`,
      );
    const options = await tx.option.findMany({
      where: { projectId: input.projectId },
      select: { key: true },
    });
    const fields = await storedFields(
      tx,
      locked.teamId,
      input,
      new Set(options.map((o) => o.key)),
      record.recommendedKey,
      {
        tied:
          record.recommendedKey === null && (readRecordCoverage(record.coverage)?.counted ?? 0) > 0,
      },
    );
    // A revision that changes nothing would add a version identical to the one before it.
    const latest = await tx.decisionRecordRevision.findUnique({
      where: { recordId_revision: { recordId: record.id, revision: record.revision } },
      select: { data: true },
    });
    if (latest && isDeepStrictEqual(latest.data, toJson(fields))) {
      throw new DomainError(
        "CONFLICT",
        `Nothing to revise: revision ${record.revision} already says exactly this. Change a field of the record, then revise it.`,
      );
    }
    const revision = record.revision + 1;
    await tx.decisionRecordRevision.create({
      data: {
        recordId: record.id,
        revision,
        note: input.note,
        authorId: actor.userId,
        data: toJson(fields),
      },
      select: { id: true },
    });
    const updated = await tx.decisionRecord.update({
      where: { id: record.id },
      data: { ...fields, revision },
      select: { id: true, revision: true },
    });
    await recordEvent(tx, actor, input.projectId, {
      type: "decision.revised",
      data: { revision, note: input.note, chosenOptionKey: fields.chosenOptionKey },
    });
    return updated;
  });
}
