/**
 * The live shared text of record drafts: a Hocuspocus (Yjs) server whose documents are drafts
 * (document name = draft id), persisted in PostgreSQL and shared between app instances through
 * LISTEN/NOTIFY. The web server mounts it on its own HTTP server (apps/web/src/server/collab.ts);
 * tests run several of them against one database.
 */

import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import {
  type afterLoadDocumentPayload,
  type beforeHandleMessagePayload,
  type Connection,
  type Document,
  type Extension,
  Hocuspocus,
  type onAuthenticatePayload,
  type onChangePayload,
  type onConfigurePayload,
  type onLoadDocumentPayload,
  type onStoreDocumentPayload,
} from "@hocuspocus/server";
import type { SessionUser } from "@tradeoff/auth";
import type { PrismaClient } from "@tradeoff/db";
import {
  ACCESS_CHANGED_CHANNEL,
  type AccessChange,
  parseAccessChange,
} from "@tradeoff/db/access-changed";
import { PgListener } from "@tradeoff/db/listen";
import * as decoding from "lib0/decoding";
import { applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { z } from "zod";
import { hasRole, type Role } from "../../domain/roles";
import { DomainError } from "../../errors";
import { type DraftDocumentAccess, draftDocumentAccess } from "./document-access";
import {
  DRAFT_FIELD_MAX_CHARS,
  DRAFT_TEXT_FIELDS,
  documentFieldLengths,
  documentReadsAs,
  documentText,
} from "./document-schema";
import {
  appendDraftUpdate,
  compactDraftUpdates,
  DRAFT_UPDATES_CHANNEL,
  draftUpdatesFrom,
  loadDraftDocument,
} from "./document-store";
import { type ClosedDraftStatus, DRAFT_CLOSED_CHANNEL } from "./draft-closed";
import { storeDraftText } from "./store-draft-text";

export type DraftCollabOptions = {
  db: PrismaClient;
  /**
   * The database URL for this instance's LISTEN connection, which brings other instances' edits.
   * Leave it out where notifications cannot pass between connections (the embedded database
   * serves one instance).
   */
  listenUrl?: string;
  /** The signed-in user of a connection (the web server reads next-auth's cookie), or null. */
  authenticate: (request: {
    token: string;
    headers: IncomingHttpHeaders;
  }) => Promise<SessionUser | null>;
  /** A failure nobody awaits (a store, an announcement): what failed, and for which draft. */
  onError?: (error: unknown, what: string, context?: { draftId: string }) => void;
  /** How long edits gather before they are written as one row (ms). */
  flushMs?: number;
  /** Quiet time before the Markdown text is stored, and the longest it waits while typing goes on (ms). */
  textDebounceMs?: number;
  textMaxDebounceMs?: number;
  /** Rows of a document that make compaction due. */
  compactAfterRows?: number;
  /**
   * How often every open connection's access is read again (ms), whatever was announced: the
   * backstop for changes no announcement reached this instance about (the database changed by
   * hand, the listener reconnecting, the embedded database).
   */
  accessSweepMs?: number;
};

/** What a connection's hooks know about its user (Hocuspocus's connection context). */
export type DraftConnectionContext = {
  user: { id: string; name: string };
  access: DraftDocumentAccess;
  /** Who signed in, as authenticated: their access is read again while they edit. */
  session: SessionUser;
};

/** A document name is a draft id (a cuid); anything else is refused before the database is asked. */
const draftIdSchema = z
  .string()
  .regex(/^[a-z0-9]{1,64}$/, "A draft's document name is its id: lowercase letters and digits.");

/** The origin of updates that came from another instance: shown to clients, never stored again. */
const FROM_ANOTHER_INSTANCE = { source: "another app instance" };

/**
 * Who is where (carets, names) is shared between instances too, on a channel of its own: it is
 * never stored, so the awareness update itself is the payload (a few hundred bytes; one that
 * would not fit a notification is not shared).
 */
const DRAFT_AWARENESS_CHANNEL = "record_draft_awareness";
const MAX_NOTIFY_BYTES = 7_900;

/** Messages smaller than this cannot take a field past the limit in one go: checked cheaply. */
const CHECK_MESSAGES_FROM_BYTES = 8 * 1024;

/** Hocuspocus's message types and the Yjs sync steps that carry document content. */
const SYNC_MESSAGE = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/**
 * How long a writing connection's access, re-read before its edits are applied, is trusted: a
 * member removed from the team, made a viewer or signed out stops editing within this time. A
 * draft accepted or discarded does not wait for it: that is announced (DRAFT_CLOSED_CHANNEL),
 * and an edit the database no longer takes closes the document too.
 */
const ACCESS_RECHECK_MS = 1_000;

/** The default of `accessSweepMs`. */
const ACCESS_SWEEP_MS = 15_000;

/**
 * The WebSocket close code of a connection whose user lost access to the draft while it was
 * open; the editor reconnects and is told why it cannot open the draft.
 */
export const ACCESS_ENDED_CODE = 4403;
const ACCESS_ENDED_REASON =
  "You are no longer in this draft's team, or were signed out: the draft was closed.";

/** A refused connection: Hocuspocus sends `reason` to the client, which shows it. */
export class DraftRefusedError extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.reason = reason;
  }
}

/**
 * What the server tells a connection whose edits reached this instance but were not stored,
 * because the draft was accepted or discarded meanwhile: they are in no record. Sent as a
 * Hocuspocus stateless message (JSON); the editor shows it as "edits left out".
 */
export type EditsLeftOutMessage = { type: "edits-left-out"; status: ClosedDraftStatus };

/**
 * What the server tells a connection it turned read-only because its user may now only read the
 * draft (made a viewer): the editor stops and says why. Sent once, as a stateless message (JSON).
 */
export type EditingEndedMessage = { type: "read-only"; role: Role };

export class DraftTooLargeError extends Error {
  /** The WebSocket close code and reason the client receives. */
  readonly code = 4413;
  readonly reason: string;
  constructor() {
    const reason = `A text field of a draft holds at most ${DRAFT_FIELD_MAX_CHARS.toLocaleString("en-US")} characters: this change was refused.`;
    super(reason);
    this.reason = reason;
  }
}

/**
 * Persistence and cross-instance sharing of draft documents, as a Hocuspocus extension.
 * - load: every stored row merged (seeded from the draft's Markdown the first time);
 * - edits from this instance's clients: gathered for `flushMs`, appended as one row and
 *   announced (`pg_notify` with the row id, never the content: payloads are limited to 8 kB);
 * - announcements from other instances: their rows read and applied with an origin of their own,
 *   so they reach this instance's clients and are not stored a second time;
 * - on Hocuspocus's debounced store: the Markdown of each field written to `record_drafts.text`
 *   (its version raised only when it changed), and compaction when rows piled up.
 */
export class DraftDocumentExtension implements Extension {
  extensionName = "tradeoff-draft-documents";
  private instance: Hocuspocus | undefined;
  private listener: PgListener | undefined;
  private readonly pending = new Map<string, Uint8Array[]>();
  /**
   * The connections whose edits are in `pending` (told if those cannot be stored), the one that
   * typed last at the end: the row names its user as the edits' author.
   */
  private readonly pendingFrom = new Map<string, Set<Connection>>();
  /** Loaded documents whose draft was accepted or discarded: nothing more is applied to them. */
  private readonly closed = new Map<string, ClosedDraftStatus>();
  private readonly flushTimers = new Map<string, NodeJS.Timeout>();
  private readonly flushing = new Map<string, Promise<void>>();
  /** Rows this instance wrote: their announcements come back to it and are skipped. */
  private readonly ownRows = new Set<string>();
  /** The newest row each loaded document includes (to catch up after the listener reconnects). */
  private readonly lastSeen = new Map<string, bigint>();
  private readonly rowsWritten = new Map<string, number>();
  /** Tells this instance's awareness announcements from the others'. */
  private readonly instanceId = randomUUID();
  /** Each writing connection's last access reading (see ACCESS_RECHECK_MS). */
  private readonly accessReads = new WeakMap<
    Connection,
    { at: number; access: Promise<DraftDocumentAccess | null> }
  >();
  /** Connections closed because their user lost access: nothing more from them is handled. */
  private readonly ended = new WeakSet<Connection>();
  private sweepTimer: NodeJS.Timeout | undefined;
  /** Database work started by timers and announcements, still under way. */
  private readonly background = new Set<Promise<unknown>>();

  constructor(private readonly options: DraftCollabOptions) {}

  private get flushMs() {
    return this.options.flushMs ?? 20;
  }

  async onConfigure({ instance }: onConfigurePayload) {
    this.instance = instance;
    const every = this.options.accessSweepMs ?? ACCESS_SWEEP_MS;
    this.sweepTimer = setInterval(() => this.inBackground(this.recheckAccess(null)), every);
    this.sweepTimer.unref();
  }

  /**
   * Opens this instance's LISTEN connection (none without `listenUrl`); resolves once other
   * instances' edits arrive. It keeps retrying in the background while the database is away.
   */
  startListening(): Promise<void> {
    const url = this.options.listenUrl;
    if (!url || this.listener) return Promise.resolve();
    this.listener = new PgListener({
      url,
      channels: [
        DRAFT_UPDATES_CHANNEL,
        DRAFT_AWARENESS_CHANNEL,
        DRAFT_CLOSED_CHANNEL,
        ACCESS_CHANGED_CHANNEL,
      ],
      onNotification: ({ channel, payload }) => {
        if (channel === DRAFT_AWARENESS_CHANNEL) this.onAwarenessAnnouncement(payload);
        else if (channel === DRAFT_CLOSED_CHANNEL) this.onClosedAnnouncement(payload);
        else if (channel === ACCESS_CHANGED_CHANNEL) {
          const change = parseAccessChange(payload);
          if (change) this.inBackground(this.recheckAccess(change));
        } else this.inBackground(this.onAnnouncement(payload));
      },
      // Announcements sent before LISTEN was in place (first start, or while reconnecting)
      // were lost: read what the loaded documents missed, and everyone's access again.
      onConnected: () => {
        this.inBackground(this.catchUp());
        this.inBackground(this.recheckAccess(null));
      },
      onError: (error) => this.options.onError?.(error, "listening for draft edits"),
    });
    return this.listener.start();
  }

  async onAuthenticate(data: onAuthenticatePayload): Promise<DraftConnectionContext> {
    const user = await this.options.authenticate({
      token: data.token,
      headers: data.requestHeaders,
    });
    if (!user) throw new DraftRefusedError("Sign in to open this draft.");
    const name = draftIdSchema.safeParse(data.documentName);
    if (!name.success)
      throw new DraftRefusedError(name.error.issues[0]?.message ?? "Unknown draft.");
    const access = await draftDocumentAccess(this.options.db, {
      draftId: data.documentName,
      user,
    });
    if (!access)
      throw new DraftRefusedError(
        "This draft was not found, or you are not in its team. Ask a team admin to invite you.",
      );
    if (access.readOnly) data.connectionConfig.readOnly = true;
    return { user: { id: user.id, name: user.name ?? user.email }, access, session: user };
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload) {
    const loaded = await loadDraftDocument(this.options.db, documentName);
    if (!loaded) throw new Error("This draft was not found.");
    Y.applyUpdate(document, loaded.update, FROM_ANOTHER_INSTANCE);
    this.lastSeen.set(documentName, loaded.lastId);
    this.rowsWritten.set(documentName, loaded.rows);
  }

  /** This instance's carets and names, announced to the other instances. */
  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload) {
    document.awareness.on(
      "update",
      (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        if (origin === FROM_ANOTHER_INSTANCE || !this.listener) return;
        const clients = [...changes.added, ...changes.updated, ...changes.removed];
        const update = encodeAwarenessUpdate(document.awareness, clients);
        const payload = JSON.stringify({
          draftId: documentName,
          from: this.instanceId,
          update: Buffer.from(update).toString("base64"),
        });
        if (payload.length <= MAX_NOTIFY_BYTES) {
          this.inBackground(this.listener.notify(DRAFT_AWARENESS_CHANNEL, payload));
        }
      },
    );
  }

  /**
   * Before an edit is applied: the draft must still be proposed (an acceptance or a discard
   * announced makes every connection read-only at once), the editor must still be allowed to
   * edit (access read again, at most every ACCESS_RECHECK_MS: removed or signed out closes the
   * connection, made a viewer or the draft accepted or discarded makes it read-only), and, a
   * backstop for clients that skip the editor's paste limit, content past the limit is refused.
   * A refused edit is not acknowledged: the editor keeps it as unsaved.
   */
  async beforeHandleMessage({
    update: message,
    document,
    documentName,
    connection,
    context,
  }: beforeHandleMessagePayload) {
    // A connection closed for lost access may still send (a sync request would be answered
    // with the whole document): nothing from it is handled.
    if (this.ended.has(connection)) throw new DraftRefusedError(ACCESS_ENDED_REASON);
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== SYNC_MESSAGE) return;
    const step = decoding.readVarUint(decoder);
    if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return;
    if (connection.readOnly) return; // Hocuspocus applies nothing from it
    if (this.closed.has(documentName)) {
      connection.readOnly = true;
      return;
    }
    const access = await this.currentAccess(connection, context as DraftConnectionContext);
    if (!access) {
      throw new DraftRefusedError(
        "You are no longer in this draft's team, or were signed out: your last change was not saved.",
      );
    }
    if (access.readOnly) {
      this.readOnlyFor(connection, access);
      return;
    }
    if (message.byteLength < CHECK_MESSAGES_FROM_BYTES) return;
    const update = decoding.readVarUint8Array(decoder);
    const trial = new Y.Doc();
    try {
      Y.applyUpdate(trial, Y.encodeStateAsUpdate(document));
      Y.applyUpdate(trial, update);
      const lengths = documentFieldLengths(trial);
      if (DRAFT_TEXT_FIELDS.some((field) => lengths[field] > DRAFT_FIELD_MAX_CHARS)) {
        throw new DraftTooLargeError();
      }
    } finally {
      trial.destroy();
    }
  }

  /** The connection's access now: read again once the last reading is ACCESS_RECHECK_MS old. */
  private currentAccess(
    connection: Connection,
    context: DraftConnectionContext,
  ): Promise<DraftDocumentAccess | null> {
    const known = this.accessReads.get(connection);
    if (known && Date.now() - known.at < ACCESS_RECHECK_MS) return known.access;
    const access = draftDocumentAccess(this.options.db, {
      draftId: context.access.draftId,
      user: context.session,
    });
    this.accessReads.set(connection, { at: Date.now(), access });
    return access;
  }

  /**
   * Reads again the access of this instance's open connections that `change` concerns (every
   * one when null): whoever lost access to the draft is disconnected before another edit
   * reaches them, and whoever may now only read turns read-only. A reading that fails (the
   * database away) leaves the connection as it is until the next.
   */
  private async recheckAccess(change: AccessChange | null) {
    const checks: Promise<void>[] = [];
    for (const document of this.instance?.documents.values() ?? []) {
      for (const connection of document.getConnections()) {
        const context = connection.context as Partial<DraftConnectionContext> | undefined;
        if (!context?.session || !context.access || this.ended.has(connection)) continue;
        if (change?.userId && context.session.id !== change.userId) continue;
        if (change?.teamId && context.access.teamId !== change.teamId) continue;
        checks.push(this.recheckConnection(connection, context as DraftConnectionContext));
      }
    }
    await Promise.all(checks);
  }

  private async recheckConnection(connection: Connection, context: DraftConnectionContext) {
    this.accessReads.delete(connection);
    let access: DraftDocumentAccess | null;
    try {
      access = await this.currentAccess(connection, context);
    } catch (error) {
      this.options.onError?.(error, "reading an open draft editor's access");
      return;
    }
    if (access) {
      if (access.readOnly) this.readOnlyFor(connection, access);
      return;
    }
    this.ended.add(connection);
    const closing = { code: ACCESS_ENDED_CODE, reason: ACCESS_ENDED_REASON };
    // Out of the document first (no broadcast reaches it any more), then the socket itself: the
    // editor reconnects, and is refused with the reason it can no longer open the draft.
    connection.close(closing);
    connection.webSocket.close(closing.code, closing.reason);
  }

  /**
   * Turns a connection read-only because its user's access now only reads. Made a viewer, they
   * are told at once; a draft accepted or discarded is told by its own announcement.
   */
  private readOnlyFor(connection: Connection, access: DraftDocumentAccess) {
    if (connection.readOnly) return;
    connection.readOnly = true;
    if (hasRole(access.role, "MEMBER")) return;
    const message: EditingEndedMessage = { type: "read-only", role: access.role };
    connection.sendStateless(JSON.stringify(message));
  }

  async onChange({ documentName, update, transactionOrigin }: onChangePayload) {
    if (!transactionOrigin || transactionOrigin === FROM_ANOTHER_INSTANCE) return;
    const queue = this.pending.get(documentName);
    if (queue) queue.push(update);
    else this.pending.set(documentName, [update]);
    if (isConnection(transactionOrigin)) {
      const from = this.pendingFrom.get(documentName);
      // Moved to the end: whoever typed last is the batch's author.
      from?.delete(transactionOrigin);
      if (from) from.add(transactionOrigin);
      else this.pendingFrom.set(documentName, new Set([transactionOrigin]));
    }
    if (!this.flushTimers.has(documentName)) {
      this.flushTimers.set(
        documentName,
        setTimeout(() => void this.flush(documentName).catch(() => {}), this.flushMs),
      );
    }
  }

  /**
   * Hocuspocus runs this from timers and from a connection's close, where nobody awaits it: a
   * failure (the database away) is reported here, once, with the draft's id, and never rejects.
   * The edits themselves are kept and written again by `flush`, which reports its own failure.
   */
  async onStoreDocument(payload: onStoreDocumentPayload) {
    try {
      await this.flush(payload.documentName);
    } catch {
      return;
    }
    try {
      await this.storeText(payload);
    } catch (error) {
      this.options.onError?.(error, "storing a draft's text", { draftId: payload.documentName });
    }
  }

  private async storeText({ documentName, document, context }: onStoreDocumentPayload) {
    // Other instances' rows whose announcement has not arrived yet: without them this instance
    // could store an older text than another just did, and turn approvals stale for nothing.
    if (this.listener) {
      const seen = this.lastSeen.get(documentName);
      if (seen !== undefined) await this.pull(documentName, seen + 1n);
    }
    // The Markdown becomes the draft's text (approvals given before turn stale, in the history,
    // with the last editor as its actor); an accepted draft keeps the text it was accepted with.
    const editor = (context as Partial<DraftConnectionContext> | undefined)?.user?.id ?? null;
    await storeDraftText(this.options.db, documentName, documentText(document), {
      actorId: editor,
      readsAs: documentReadsAs,
    }).catch((error: unknown) => {
      if (!(error instanceof DomainError && error.kind === "CONFLICT")) throw error;
    });
    const rows = this.rowsWritten.get(documentName) ?? 0;
    if (rows >= (this.options.compactAfterRows ?? 50)) {
      await compactDraftUpdates(this.options.db, { draftId: documentName, minRows: 2 });
      this.rowsWritten.set(documentName, 1);
    }
  }

  async beforeUnloadDocument({ documentName }: { documentName: string }) {
    await this.flush(documentName);
  }

  async afterUnloadDocument({ documentName }: { documentName: string }) {
    this.lastSeen.delete(documentName);
    this.rowsWritten.delete(documentName);
    this.closed.delete(documentName);
  }

  /**
   * The server stops (see closeDraftCollab): no more periodic checks or announcements, the
   * background reads already started finish, and edits still gathered are written.
   */
  async onDestroy() {
    clearInterval(this.sweepTimer);
    this.sweepTimer = undefined;
    await this.listener?.stop();
    this.listener = undefined;
    await Promise.allSettled([...this.background]);
    for (const timer of this.flushTimers.values()) clearTimeout(timer);
    await Promise.all([...this.pending.keys()].map((name) => this.flush(name).catch(() => {})));
    for (const timer of this.flushTimers.values()) clearTimeout(timer);
    this.flushTimers.clear();
  }

  /** Runs work nobody awaits (announcements, access checks), so that stopping can wait for it. */
  private inBackground(work: Promise<unknown>) {
    this.background.add(work);
    void work.finally(() => this.background.delete(work)).catch(() => {});
  }

  /** Writes the edits gathered for a document as one row; one write at a time per document. */
  flush(documentName: string): Promise<void> {
    const timer = this.flushTimers.get(documentName);
    if (timer) clearTimeout(timer);
    this.flushTimers.delete(documentName);
    const previous = this.flushing.get(documentName) ?? Promise.resolve();
    const run = previous.then(async () => {
      const updates = this.pending.get(documentName);
      if (!updates?.length) return;
      this.pending.delete(documentName);
      const from = this.pendingFrom.get(documentName) ?? new Set<Connection>();
      this.pendingFrom.delete(documentName);
      const update = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
      try {
        const typists = [...from].flatMap((connection) => {
          const id = (connection.context as Partial<DraftConnectionContext> | undefined)?.user?.id;
          return id ? [id] : [];
        });
        const stored = await appendDraftUpdate(this.options.db, {
          draftId: documentName,
          update,
          authorId: typists.at(-1) ?? null,
          typists,
        });
        if (!stored.stored && stored.closed) {
          // The draft was accepted or discarded before these edits were stored: they are in no
          // record, and never will be. Their typists are told; nothing more is taken.
          this.closeDocument(documentName, await this.closedStatus(documentName), from);
          return;
        }
        if (!stored.stored) {
          this.refuseEditsOf(documentName, stored.refused, stored.reason, from);
          return;
        }
        const { id } = stored;
        this.ownRows.add(id.toString());
        this.rowsWritten.set(documentName, (this.rowsWritten.get(documentName) ?? 0) + 1);
        const seen = this.lastSeen.get(documentName);
        if (seen === undefined || id > seen) this.lastSeen.set(documentName, id);
      } catch (error) {
        // Kept for the next try: the clients hold the edits too, and resend them on reconnect.
        this.pending.set(documentName, [update, ...(this.pending.get(documentName) ?? [])]);
        const since = this.pendingFrom.get(documentName) ?? [];
        this.pendingFrom.set(documentName, new Set([...from, ...since]));
        this.options.onError?.(error, "storing draft edits", { draftId: documentName });
        if (!this.flushTimers.has(documentName)) {
          this.flushTimers.set(
            documentName,
            setTimeout(() => void this.flush(documentName).catch(() => {}), 1_000),
          );
        }
        throw error;
      }
    });
    const settled = run.catch(() => {});
    this.flushing.set(documentName, settled);
    void settled.then(() => {
      if (this.flushing.get(documentName) === settled) this.flushing.delete(documentName);
    });
    return run;
  }

  private loaded(documentName: string): Document | undefined {
    return this.instance?.documents.get(documentName);
  }

  /** Why an edit was not stored: the draft's status now (a draft gone was set aside). */
  private async closedStatus(draftId: string): Promise<ClosedDraftStatus> {
    const draft = await this.options.db.recordDraft.findUnique({
      where: { id: draftId },
      select: { status: true },
    });
    return draft?.status === "ACCEPTED" ? "ACCEPTED" : "DISCARDED";
  }

  /**
   * The draft of a loaded document was accepted or discarded: every connection turns read-only
   * (later edits are refused, unacknowledged), and those whose edits this instance took but
   * could not store are told they are left out.
   */
  private closeDocument(
    documentName: string,
    status: ClosedDraftStatus,
    leftOutFrom: Iterable<Connection> = [],
  ) {
    this.closed.set(documentName, status);
    const document = this.loaded(documentName);
    for (const connection of document?.getConnections() ?? []) connection.readOnly = true;
    const message: EditsLeftOutMessage = { type: "edits-left-out", status };
    for (const connection of leftOutFrom) connection.sendStateless(JSON.stringify(message));
  }

  /**
   * Edits typed (in part) by users who may no longer edit the draft (removed from its team, or
   * made a viewer, after the access check their edits passed) were not stored: the batch is
   * dropped, the server log says why, and their connections are closed with the reason (the
   * editor reconnects and opens the draft as they now may, or is told it cannot).
   */
  private refuseEditsOf(
    documentName: string,
    refused: string[],
    reason: string,
    from: Iterable<Connection>,
  ) {
    this.options.onError?.(
      new DraftRefusedError(`Edits of ${refused.join(", ")} were left out. ${reason}`),
      "storing the edits of someone who may no longer edit the draft",
      { draftId: documentName },
    );
    const closing = { code: ACCESS_ENDED_CODE, reason };
    for (const connection of from) {
      const userId = (connection.context as Partial<DraftConnectionContext> | undefined)?.user?.id;
      if (!userId || !refused.includes(userId) || this.ended.has(connection)) continue;
      this.ended.add(connection);
      connection.close(closing);
      connection.webSocket.close(closing.code, closing.reason);
    }
  }

  private onClosedAnnouncement(payload: string) {
    try {
      const parsed = JSON.parse(payload) as { draftId?: unknown; status?: unknown };
      if (typeof parsed.draftId !== "string" || !this.loaded(parsed.draftId)) return;
      const status = parsed.status === "ACCEPTED" ? "ACCEPTED" : "DISCARDED";
      this.closeDocument(parsed.draftId, status);
    } catch (error) {
      this.options.onError?.(error, "closing an accepted or discarded draft");
    }
  }

  private async onAnnouncement(payload: string) {
    let draftId: string;
    let id: bigint;
    try {
      const parsed = JSON.parse(payload) as { draftId?: unknown; id?: unknown };
      if (typeof parsed.draftId !== "string" || typeof parsed.id !== "string") return;
      draftId = parsed.draftId;
      id = BigInt(parsed.id);
    } catch {
      return;
    }
    if (this.ownRows.delete(id.toString())) return;
    await this.pull(draftId, id);
  }

  private onAwarenessAnnouncement(payload: string) {
    try {
      const parsed = JSON.parse(payload) as { draftId?: unknown; from?: unknown; update?: unknown };
      if (parsed.from === this.instanceId || typeof parsed.draftId !== "string") return;
      if (typeof parsed.update !== "string") return;
      const document = this.loaded(parsed.draftId);
      if (!document) return;
      const update = new Uint8Array(Buffer.from(parsed.update, "base64"));
      applyAwarenessUpdate(document.awareness, update, FROM_ANOTHER_INSTANCE);
    } catch (error) {
      this.options.onError?.(error, "reading another instance's carets");
    }
  }

  /** Applies the rows of a loaded document from `fromId` on (others' edits) to it. */
  private async pull(draftId: string, fromId: bigint) {
    const document = this.loaded(draftId);
    if (!document) return;
    try {
      const rows = await draftUpdatesFrom(this.options.db, { draftId, fromId });
      for (const row of rows) {
        this.ownRows.delete(row.id.toString());
        Y.applyUpdate(document, row.update, FROM_ANOTHER_INSTANCE);
        const seen = this.lastSeen.get(draftId);
        if (seen === undefined || row.id > seen) this.lastSeen.set(draftId, row.id);
      }
    } catch (error) {
      this.options.onError?.(error, "reading another instance's draft edits");
    }
  }

  /** After the listener reconnects: announcements sent meanwhile were lost, so read what is new. */
  private async catchUp() {
    await Promise.all(
      [...this.lastSeen].map(([draftId, lastId]) => this.pull(draftId, lastId + 1n)),
    );
  }
}

/** An update's origin that is a client's connection (others: another instance, the server). */
function isConnection(origin: unknown): origin is Connection {
  return (
    typeof origin === "object" &&
    origin !== null &&
    typeof (origin as Partial<Connection>).sendStateless === "function"
  );
}

/**
 * A Hocuspocus server for drafts; the caller hands it WebSocket connections
 * (`hocuspocus.handleConnection`). `listening` resolves once this instance hears other instances.
 */
export function createDraftCollab(options: DraftCollabOptions): {
  hocuspocus: Hocuspocus;
  listening: Promise<void>;
} {
  const extension = new DraftDocumentExtension(options);
  const hocuspocus = new Hocuspocus({
    name: "tradeoff-drafts",
    quiet: true,
    debounce: options.textDebounceMs ?? 1_000,
    maxDebounce: options.textMaxDebounceMs ?? 5_000,
    extensions: [extension],
  });
  return { hocuspocus, listening: extension.startListening() };
}

/** How long `closeDraftCollab` waits for the stores under way, by default (ms). */
const CLOSE_TIMEOUT_MS = 20_000;

/**
 * Stops a draft server without losing an edit. Every connection is closed (an editor
 * reconnects, to another instance when this one is going away); each document's text store,
 * whether due later or already under way, runs to its end, and the document is unloaded; only
 * then does the server stop listening, checking access and writing. It resolves once nothing
 * of it touches the database any more. Stores still unfinished after `timeoutMs` (the database
 * away) are given up: it rejects, saying which drafts, after stopping the rest all the same.
 */
export async function closeDraftCollab(
  hocuspocus: Hocuspocus,
  { timeoutMs = CLOSE_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      // Closing a document's last connection runs its pending store at once; a document with
      // nothing left to store is unloaded (Hocuspocus does neither while a store is running,
      // and unloads right after it).
      hocuspocus.closeConnections();
      await Promise.allSettled([
        ...hocuspocus.loadingDocuments.values(),
        ...hocuspocus.unloadingDocuments.values(),
      ]);
      const documents = [...hocuspocus.documents.values()];
      if (documents.length === 0 && hocuspocus.loadingDocuments.size === 0) return;
      if (Date.now() > deadline) {
        throw new Error(
          `Stopping the draft server: ${documents.length} draft(s) could not be stored in ${timeoutMs} ms (${documents.map((d) => d.name).join(", ")}); their last edits are in the editors that had them open.`,
        );
      }
      await Promise.allSettled(documents.map((document) => hocuspocus.unloadDocument(document)));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await hocuspocus.hooks("onDestroy", { instance: hocuspocus });
  }
}
