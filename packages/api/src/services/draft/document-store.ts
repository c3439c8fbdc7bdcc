/**
 * Where a draft's shared document lives: `record_draft_updates`, Yjs updates appended in order.
 * Loading merges every row (`Y.mergeUpdates`); each batch of edits is one new row, announced to
 * the other app instances with `pg_notify` in the same statement; compaction folds the rows into
 * one. `record_drafts.text` / `text_version` stay the server-side truth of the text as Markdown.
 */
import { type PrismaClient, type SqlRunner, sql, statement } from "@tradeoff/db";
import * as Y from "yjs";
import { hasRole } from "../../domain/roles";
import { seedUpdate } from "./document-schema";
import { readDraftText } from "./draft-text";

/** The channel that announces new update rows: `{"draftId": "...", "id": "123"}` (ids only). */
export const DRAFT_UPDATES_CHANNEL = "record_draft_updates";

export type StoredUpdate = { id: bigint; update: Uint8Array };

/**
 * Appends one update and announces its row, in one statement (one round trip, one commit: the
 * notification is sent only if the row is there), and only while the draft is proposed. The
 * draft's row is share-locked for it: an acceptance or a discard (which lock it for update, and
 * settle the text from these rows) waits for an append under way, and an append that comes
 * after them finds the draft closed and adds nothing. So every stored edit is in the record, and
 * an edit that is not stored is known to the caller.
 */
const appendUpdate = statement<
  { draftId: string; update: Uint8Array; authorId: string | null },
  { id: bigint }
>(
  ({ draftId, update, authorId }) =>
    sql`WITH proposed AS (
          SELECT id FROM record_drafts WHERE id = ${draftId} AND status = 'PROPOSED' FOR SHARE
        ), added AS (
          INSERT INTO record_draft_updates (draft_id, update, author_id)
          SELECT id, ${update}, ${authorId} FROM proposed
          RETURNING id
        )
        SELECT id, pg_notify(${DRAFT_UPDATES_CHANNEL},
          json_build_object('draftId', ${draftId}::text, 'id', id::text)::text)::text AS notified
        FROM added`,
);

/** Why edits from the editors were not stored: short enough for a WebSocket close (123 bytes). */
export const EDITS_REFUSED_REASON =
  "You may no longer edit this draft (out of its team, or made a viewer): your last changes were not saved.";

export type AppendedEdits =
  /** Stored as the row `id`. */
  | { stored: true; id: bigint }
  /** The draft was accepted or discarded (or set aside and started again): nothing was stored. */
  | { stored: false; closed: true }
  /** Typed (in part) by `refused`, who may no longer edit the draft: nothing was stored. */
  | { stored: false; closed: false; refused: string[]; reason: string };

/**
 * Stores a batch of edits from the editors, once every one who typed them may still edit the
 * draft (a member or more of its team) and the draft is still proposed. The access check in
 * front of each edit is up to a second old (document-server.ts): a member removed, or made a
 * viewer, within that second would otherwise have their edits kept. Their roles are read under
 * the team's row (FOR KEY SHARE: a removal or a role change waits for the append, or the append
 * for it and then reads its outcome), and the draft's row is share-locked after it: the order
 * every draft change locks in (lock-draft.ts; no history entry is written, so the decision's row
 * is left out). `authorId`: who made the edits (the last of them), whom the history names for
 * them; `typists`: everyone whose edits the batch holds (the author included or not).
 */
export async function appendDraftUpdate(
  db: PrismaClient,
  input: { draftId: string; update: Uint8Array; authorId: string | null; typists?: string[] },
): Promise<AppendedEdits> {
  const typists = [
    ...new Set([...(input.typists ?? []), ...(input.authorId ? [input.authorId] : [])]),
  ];
  return db.$transaction(async (tx) => {
    const [draft] = await tx.$queryRaw<{ teamId: string }[]>`
      SELECT team_id AS "teamId" FROM record_drafts WHERE id = ${input.draftId}`;
    if (!draft) return { stored: false, closed: true };
    // One share lock of the team's row and one read of every typist's role (as sharedActorRole
    // reads one): a batch is written every few milliseconds while people type.
    await tx.$queryRaw`SELECT id FROM teams WHERE id = ${draft.teamId} FOR KEY SHARE`;
    const members = await tx.membership.findMany({
      where: { teamId: draft.teamId, userId: { in: typists } },
      select: { userId: true, role: true },
    });
    const editors = new Set(members.filter((m) => hasRole(m.role, "MEMBER")).map((m) => m.userId));
    const refused = typists.filter((userId) => !editors.has(userId));
    if (refused.length) {
      return { stored: false, closed: false, refused, reason: EDITS_REFUSED_REASON };
    }
    const [row] = await appendUpdate(tx, input);
    return row ? { stored: true, id: row.id } : { stored: false, closed: true };
  });
}

/**
 * Appends an update the app itself makes inside a change that checked its actor and holds the
 * draft's lock (the vote reasons filled in when a blind vote closes): the new row's id, or null
 * when the draft is accepted or discarded (nothing was stored). `authorId`: whom the history
 * names for it.
 */
export async function appendAppUpdate(
  tx: SqlRunner,
  input: { draftId: string; update: Uint8Array; authorId: string | null },
): Promise<bigint | null> {
  const [row] = await appendUpdate(tx, input);
  return row?.id ?? null;
}

export type LoadedDocument = {
  /** The whole document as one update. */
  update: Uint8Array;
  /** The newest row it includes: later rows are what other instances add. */
  lastId: bigint;
  /** How many rows it was merged from (compaction is due when there are many). */
  rows: number;
};

function merged(rows: StoredUpdate[]): LoadedDocument | null {
  const last = rows.at(-1);
  if (!last) return null;
  return {
    update: Y.mergeUpdates(rows.map((row) => row.update)),
    lastId: last.id,
    rows: rows.length,
  };
}

/**
 * The document of a draft, or null when there is no such draft. A draft without rows yet is
 * seeded from its stored Markdown (what starting the draft prefilled), under a lock on the
 * draft's row, so two instances opening it at once seed it once.
 */
export async function loadDraftDocument(
  db: PrismaClient,
  draftId: string,
): Promise<LoadedDocument | null> {
  const select = { id: true, update: true } as const;
  const rows = await db.recordDraftUpdate.findMany({
    where: { draftId },
    orderBy: { id: "asc" },
    select,
  });
  const existing = merged(rows);
  if (existing) return existing;
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ text: unknown }[]>`
      SELECT text FROM record_drafts WHERE id = ${draftId} FOR UPDATE`;
    const draft = locked[0];
    if (!draft) return null;
    const again = merged(
      await tx.recordDraftUpdate.findMany({ where: { draftId }, orderBy: { id: "asc" }, select }),
    );
    if (again) return again;
    const update = seedUpdate(readDraftText(draft.text));
    const row = await tx.recordDraftUpdate.create({
      data: { draftId, update: Uint8Array.from(update) },
      select: { id: true },
    });
    return { update, lastId: row.id, rows: 1 };
  });
}

/**
 * The rows from `fromId` on. A row announced but folded away by compaction since is inside the
 * compacted row, which keeps the highest id of the run, so it is found here all the same.
 */
export function draftUpdatesFrom(
  db: PrismaClient,
  input: { draftId: string; fromId: bigint },
): Promise<StoredUpdate[]> {
  return db.recordDraftUpdate.findMany({
    where: { draftId: input.draftId, id: { gte: input.fromId } },
    orderBy: { id: "asc" },
    select: { id: true, update: true },
  });
}

/**
 * Folds a draft's rows into one, in one transaction, when there are at least `minRows`: the
 * merged update replaces the newest row (keeping its id) and the older ones are deleted, by id,
 * so a row another instance adds meanwhile is left as it is. Returns how many rows it removed.
 */
export async function compactDraftUpdates(
  db: PrismaClient,
  input: { draftId: string; minRows: number },
): Promise<number> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM record_drafts WHERE id = ${input.draftId} FOR UPDATE`;
    const rows = await tx.recordDraftUpdate.findMany({
      where: { draftId: input.draftId },
      orderBy: { id: "asc" },
      select: { id: true, update: true },
    });
    const newest = rows.at(-1);
    if (!newest || rows.length < input.minRows) return 0;
    const merged = Y.mergeUpdates(rows.map((row) => row.update));
    const older = rows.slice(0, -1).map((row) => row.id);
    await tx.recordDraftUpdate.update({
      where: { id: newest.id },
      data: { update: Uint8Array.from(merged) },
      select: { id: true },
    });
    const { count } = await tx.recordDraftUpdate.deleteMany({ where: { id: { in: older } } });
    return count;
  });
}
