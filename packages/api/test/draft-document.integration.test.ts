/**
 * The live shared text of a draft against a real PostgreSQL: app instances (each a Hocuspocus
 * server with its own LISTEN connection, served over real WebSockets) and Hocuspocus providers
 * as the browsers would use them.
 */
import { createServer, type Server } from "node:http";
import {
  type AddressInfo,
  createServer as createTcpServer,
  type Socket,
  connect as tcpConnect,
} from "node:net";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import type { Hocuspocus } from "@hocuspocus/server";
import { createAuthOptions, readAuthEnv, type SessionUser } from "@tradeoff/auth";
import { createPrismaClient, type Database } from "@tradeoff/db";
import { toString as textOf } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import * as Y from "yjs";
import {
  DRAFT_FIELD_MAX_CHARS,
  DRAFT_TEXT_FIELDS,
  documentText,
} from "../src/services/draft/document-schema";
import {
  ACCESS_ENDED_CODE,
  closeDraftCollab,
  createDraftCollab,
  type DraftConnectionContext,
} from "../src/services/draft/document-server";
import { markdownAsText } from "../src/services/draft/draft-text";
import { itOnPostgresServer, trpcError, until, useTestDatabase } from "./helpers";
import {
  at,
  blankInput,
  castOnBothCriteria,
  openBlankProject,
  readableText,
  teamWith,
} from "./project-fixtures";

const t = useTestDatabase();

type Instance = { collab: Hocuspocus; http: Server; wss: WebSocketServer; url: string };
const instances = new Set<Instance>();
const providers = new Set<HocuspocusProvider>();

/** One app instance: the draft server mounted on an HTTP server's upgrade, as server.ts does. */
async function startInstance(
  debounce: { textDebounceMs: number; textMaxDebounceMs: number } = {
    textDebounceMs: 100,
    textMaxDebounceMs: 500,
  },
  opts: {
    listen?: boolean;
    accessSweepMs?: number;
    db?: Database;
    onError?: (error: unknown, what: string, context?: { draftId: string }) => void;
  } = {},
): Promise<Instance> {
  const { hocuspocus: collab, listening } = createDraftCollab({
    db: opts.db ?? t.db,
    // Without a listener the instance hears no other connection's notifications (as with the
    // embedded database).
    listenUrl: opts.listen === false ? undefined : t.url,
    // The test's "cookie": the token is "<user id>[:<sign-in session id>]"; the session checks
    // still run.
    authenticate: async ({ token }) => {
      const [userId, sessionId = null] = token.split(":");
      const user = await t.db.user.findUnique({
        where: { id: userId },
        select: { id: true, email: true, name: true, tokenVersion: true },
      });
      return user ? ({ ...user, email: user.email ?? "", sessionId } as SessionUser) : null;
    },
    onError:
      opts.onError ?? ((error, what) => console.log(`draft server: ${what}:`, String(error))),
    ...debounce,
    compactAfterRows: 20,
    // Long enough that no test here waits for it, unless it asks for a sweep of its own.
    accessSweepMs: opts.accessSweepMs ?? 60_000,
  });
  const wss = new WebSocketServer({ noServer: true });
  const http = createServer((_req, res) => res.writeHead(404).end());
  http.on("upgrade", (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => collab.handleConnection(ws, request));
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  await listening;
  const instance = { collab, http, wss, url: `ws://127.0.0.1:${port}/api/collab` };
  instances.add(instance);
  return instance;
}

/**
 * Stops an instance as the web server does: no new connections, the open ones closed, and
 * resolved only once every store under way has finished, no document is loaded, and its timers
 * and LISTEN connection are gone (the test database is dropped right after the last test).
 */
async function stopInstance(instance: Instance) {
  instances.delete(instance);
  const httpClosed = new Promise<void>((resolve) => instance.http.close(() => resolve()));
  for (const client of instance.wss.clients) client.terminate();
  await closeDraftCollab(instance.collab);
  expect(instance.collab.getDocumentsCount()).toBe(0);
  await new Promise<void>((resolve) => instance.wss.close(() => resolve()));
  await httpClosed;
}

type Client = {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  refused: string[];
  /** Messages the server sent this tab outside the document (e.g. edits left out). */
  told: string[];
  /** Why the connection was closed, each time it was (the close code and reason). */
  closed: { code: number; reason: string }[];
};

/** A browser tab on `instance`, signed in as `userId`, synced before it returns. */
async function connect(instance: Instance, draftId: string, userId: string): Promise<Client> {
  const doc = new Y.Doc();
  const refused: string[] = [];
  const told: string[] = [];
  const closed: { code: number; reason: string }[] = [];
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: instance.url,
    WebSocketPolyfill: WebSocket,
  });
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: draftId,
    document: doc,
    token: userId,
    onAuthenticationFailed: ({ reason }) => {
      refused.push(reason);
    },
    onStateless: ({ payload }) => {
      told.push(payload);
    },
    onClose: ({ event }) => {
      closed.push({ code: event.code, reason: String(event.reason) });
    },
  });
  // A provider handed its own socket is attached by hand (Hocuspocus 3).
  provider.attach();
  providers.add(provider);
  await until(() => provider.isSynced || refused.length > 0, { ...SYNC, timeoutMs: 10_000 });
  return { provider, doc, refused, told, closed };
}

function disconnect(client: Client) {
  providers.delete(client.provider);
  client.provider.destroy();
  client.provider.configuration.websocketProvider.destroy();
}

/** How long the checks below wait for documents to sync between clients. */
const SYNC = { timeoutMs: 5_000, everyMs: 10 };

/** Types `text` as a new paragraph at the end of a field, as the editor would. */
function typeParagraph(doc: Y.Doc, field: string, text: string): Y.XmlText {
  const paragraph = new Y.XmlElement("paragraph");
  const content = new Y.XmlText();
  paragraph.insert(0, [content]);
  const fragment = doc.getXmlFragment(field);
  doc.transact(() => {
    fragment.insert(fragment.length, [paragraph]);
    content.insert(0, text);
  });
  return content;
}

const rationale = (client: Client) => documentText(client.doc).rationale;

async function draftFor(
  t0: Awaited<ReturnType<typeof teamWith>>,
  text: Record<string, string> = {},
) {
  const project = await t0.owner.api.project.create(blankInput(t0.team.id));
  return t.db.recordDraft.create({
    data: {
      projectId: project.id,
      teamId: t0.team.id,
      text: { context: "", rationale: "", ...text },
    },
    select: { id: true },
  });
}

/**
 * A draft the owner can accept (with a reason), its decision-maker named, and the chosen option
 * when one is given.
 */
async function readyDraft(fields: { chosenOptionKey?: string } = {}) {
  const s = await openBlankProject(t, ["MEMBER"], { quorum: 1 });
  const member = at(s.people, 1);
  await castOnBothCriteria(member, s.projectId, { weight: 4, scores: { kafka: 2, sqs: 5 } });
  const { draftId } = await member.api.draft.start({ projectId: s.projectId });
  await member.api.draft.updateFields({
    projectId: s.projectId,
    ...fields,
    decisionMakers: [{ userId: s.owner.id, name: "" }],
  });
  return { s, member, draftId };
}

const rowsOf = (draftId: string) => t.db.recordDraftUpdate.count({ where: { draftId } });

/** The rationale of the decision recorded from the draft. */
const recordRationale = async (projectId: string) =>
  (
    await t.db.decisionRecord.findFirstOrThrow({
      where: { projectId },
      select: { rationale: true },
    })
  ).rationale;

/** Types a paragraph and waits until it is stored: the editor's access was read just now. */
async function typeStored(client: Client, draftId: string, text: string) {
  const rows = await rowsOf(draftId);
  typeParagraph(client.doc, "rationale", text);
  await expect.poll(() => rowsOf(draftId), { timeout: 5_000, interval: 10 }).toBeGreaterThan(rows);
}

let world: Awaited<ReturnType<typeof teamWith>>;
beforeAll(async () => {
  world = await teamWith(t, ["MEMBER", "VIEWER"]);
});

afterEach(async () => {
  for (const provider of providers) provider.destroy();
  providers.clear();
  for (const instance of [...instances]) await stopInstance(instance);
});

afterAll(async () => {
  for (const instance of [...instances]) await stopInstance(instance);
});

describe("the shared text of a draft", () => {
  it("starts from the draft's prefilled Markdown", async () => {
    const draft = await draftFor(world, {
      context: "We need a queue for **billing** events.",
      rationale: "- Kafka keeps the log\n- SQS is managed",
    });
    const a = await startInstance();
    const client = await connect(a, draft.id, world.owner.id);
    const text = documentText(client.doc);
    expect(text.context).toBe("We need a queue for **billing** events.");
    expect(text.rationale).toBe("- Kafka keeps the log\n- SQS is managed");
  });

  // Instances hear each other through LISTEN/NOTIFY, which the embedded database (one process,
  // one instance) does not pass between connections: a PostgreSQL server is needed here.
  itOnPostgresServer(
    "converges when two people type at once through two instances, and survives a restart",
    async () => {
      const draft = await draftFor(world, { rationale: "Shared start." });
      const member = world.people.find((p) => p.role === "MEMBER");
      if (!member) throw new Error("fixture has a member");
      const a = await startInstance();
      const b = await startInstance();
      const onA = await connect(a, draft.id, world.owner.id);
      const onB = await connect(b, draft.id, member.id);

      // Who is where crosses instances too: B sees A's name (the editor's caret label).
      onA.provider.setAwarenessField("user", { name: "Olivia on A", color: "#1d4ed8" });
      await until(
        () =>
          [...(onB.provider.awareness?.getStates().values() ?? [])].some(
            (state) => (state.user as { name?: string } | undefined)?.name === "Olivia on A",
          ),
        SYNC,
      );

      const typedA = typeParagraph(onA.doc, "rationale", "");
      const typedB = typeParagraph(onB.doc, "rationale", "");
      for (let i = 0; i < 30; i++) {
        typedA.insert(typedA.length, "a");
        typedB.insert(typedB.length, "b");
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await until(
        () => rationale(onA) === rationale(onB) && rationale(onA).includes("b".repeat(30)),
        SYNC,
      ).catch((error) => {
        console.log("A:", JSON.stringify(rationale(onA)), "B:", JSON.stringify(rationale(onB)));
        throw error;
      });
      const converged = rationale(onA);
      expect(converged).toContain("a".repeat(30));
      expect(converged).toContain("b".repeat(30));
      expect(converged.startsWith("Shared start.")).toBe(true);

      // The Markdown stored for the rest of the app (reviews, exports) is the converged text,
      // and its version was raised, so earlier approvals read as stale.
      await expect
        .poll(
          async () =>
            (
              (await t.db.recordDraft.findUniqueOrThrow({ where: { id: draft.id } })).text as {
                rationale: string;
              }
            ).rationale,
          { timeout: 5_000 },
        )
        .toBe(converged);
      const stored = await t.db.recordDraft.findUniqueOrThrow({ where: { id: draft.id } });
      expect(stored.textVersion).toBeGreaterThan(0);

      // Both instances go away; a new one loads the text from the database alone.
      disconnect(onA);
      disconnect(onB);
      await stopInstance(a);
      await stopInstance(b);
      const c = await startInstance();
      const later = await connect(c, draft.id, world.owner.id);
      expect(rationale(later)).toBe(converged);
    },
  );

  it("stores the last edit's text before a stopping server lets go, and unloads everything", async () => {
    const draft = await draftFor(world, { rationale: "Before the restart." });
    // The text would be stored only after a minute of quiet: stopping must store it at once.
    const a = await startInstance({ textDebounceMs: 60_000, textMaxDebounceMs: 60_000 });
    const client = await connect(a, draft.id, world.owner.id);
    await typeStored(client, draft.id, "Typed just before the restart.");
    const textNow = async () =>
      (
        (await t.db.recordDraft.findUniqueOrThrow({ where: { id: draft.id } })).text as {
          rationale: string;
        }
      ).rationale;
    expect(await textNow()).toBe("Before the restart.");

    // As the web server stops: the sockets are closed, then the draft server.
    instances.delete(a);
    for (const ws of a.wss.clients) ws.close(1012, "The server is restarting.");
    await closeDraftCollab(a.collab);

    expect(await textNow()).toBe("Before the restart.\n\nTyped just before the restart.");
    expect(a.collab.getDocumentsCount()).toBe(0);
    disconnect(client);
    a.wss.close();
    await new Promise<void>((resolve) => a.http.close(() => resolve()));
  });

  it("compacts many rows into one without losing text", async () => {
    const draft = await draftFor(world);
    const a = await startInstance();
    const client = await connect(a, draft.id, world.owner.id);
    const typed = typeParagraph(client.doc, "context", "");
    for (let i = 0; i < 60; i++) {
      typed.insert(typed.length, String(i % 10));
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    const expected = documentText(client.doc).context;
    await expect
      .poll(() => rowsOf(draft.id), {
        timeout: 5_000,
      })
      .toBeLessThan(20);
    disconnect(client);
    await stopInstance(a);
    const b = await startInstance();
    const again = await connect(b, draft.id, world.owner.id);
    expect(documentText(again.doc).context).toBe(expected);
  });

  it("lets viewers read but not edit, and refuses people outside the team", async () => {
    const draft = await draftFor(world, { rationale: "Only members edit." });
    const viewer = world.people.find((p) => p.role === "VIEWER");
    if (!viewer) throw new Error("fixture has a viewer");
    const a = await startInstance();
    const owner = await connect(a, draft.id, world.owner.id);
    const reader = await connect(a, draft.id, viewer.id);
    expect(rationale(reader)).toBe("Only members edit.");
    typeParagraph(reader.doc, "rationale", "viewer wrote this");
    typeParagraph(owner.doc, "rationale", "owner wrote this");
    await until(() => rationale(reader).includes("owner wrote this"), SYNC);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(rationale(owner)).not.toContain("viewer wrote this");

    const outsiderTeam = await teamWith(t);
    const outsider = await connect(a, draft.id, outsiderTeam.owner.id);
    expect(outsider.refused).toEqual([
      "This draft was not found, or you are not in its team. Ask a team admin to invite you.",
    ]);
    expect(documentText(outsider.doc).rationale).toBe("");

    // A member whose sign-in session was ended (signed out elsewhere) is refused too.
    const revoked = await connect(a, draft.id, `${world.owner.id}:signed-out-session`);
    expect(revoked.refused).toHaveLength(1);
    expect(documentText(revoked.doc).rationale).toBe("");

    // A document name that is no draft id is refused with a sentence saying what it must be.
    const bogus = await connect(a, "../drafts'; --", world.owner.id);
    expect(bogus.refused).toEqual([
      "A draft's document name is its id: lowercase letters and digits.",
    ]);
  });

  it("stops taking edits from a member removed from the team, or made a viewer, while connected", async () => {
    const team = await teamWith(t, ["MEMBER", "MEMBER"]);
    const [, leaving, demoted] = team.people;
    if (!leaving || !demoted) throw new Error("fixture has two members");
    const draft = await draftFor(team, { rationale: "Start." });
    const a = await startInstance();
    const owner = await connect(a, draft.id, team.owner.id);
    const gone = await connect(a, draft.id, leaving.id);
    const reader = await connect(a, draft.id, demoted.id);
    typeParagraph(gone.doc, "rationale", "before removal");
    await until(() => rationale(owner).includes("before removal"), SYNC);

    await t.db.membership.delete({
      where: { teamId_userId: { teamId: team.team.id, userId: leaving.id } },
    });
    await t.db.membership.update({
      where: { teamId_userId: { teamId: team.team.id, userId: demoted.id } },
      data: { role: "VIEWER" },
    });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    typeParagraph(gone.doc, "rationale", "after removal");
    typeParagraph(reader.doc, "rationale", "after demotion");
    typeParagraph(owner.doc, "rationale", "owner still edits");
    await until(() => rationale(reader).includes("owner still edits"), SYNC);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(rationale(owner)).not.toMatch(/after removal|after demotion/);
    const stored = await t.db.recordDraft.findUniqueOrThrow({ where: { id: draft.id } });
    expect((stored.text as { rationale: string }).rationale).toContain("owner still edits");
    expect((stored.text as { rationale: string }).rationale).not.toMatch(
      /after removal|after demotion/,
    );
  });

  it("makes an accepted draft read-only for everyone", async () => {
    const draft = await draftFor(world, { rationale: "As approved." });
    await t.db.recordDraft.update({ where: { id: draft.id }, data: { status: "ACCEPTED" } });
    const a = await startInstance();
    const client = await connect(a, draft.id, world.owner.id);
    typeParagraph(client.doc, "rationale", "after acceptance");
    await new Promise((resolve) => setTimeout(resolve, 400));
    const stored = await t.db.recordDraft.findUniqueOrThrow({ where: { id: draft.id } });
    expect((stored.text as { rationale: string }).rationale).toBe("As approved.");
    expect(stored.textVersion).toBe(0);
    expect(await rowsOf(draft.id)).toBe(1);
  });

  it("turns an editor connected before the draft was discarded read-only", async () => {
    const draft = await draftFor(world, { rationale: "Written together." });
    const a = await startInstance();
    const client = await connect(a, draft.id, world.owner.id);
    const { projectId } = await t.db.recordDraft.findUniqueOrThrow({
      where: { id: draft.id },
      select: { projectId: true },
    });
    await world.owner.api.draft.discard({ projectId });
    // The editor's access is read again before its next edit once a second has passed.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const rows = await rowsOf(draft.id);
    typeParagraph(client.doc, "rationale", "after the discard");
    await new Promise((resolve) => setTimeout(resolve, 400));
    const stored = await t.db.recordDraft.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored.status).toBe("DISCARDED");
    expect((stored.text as { rationale: string }).rationale).toBe("Written together.");
    expect(await rowsOf(draft.id)).toBe(rows);
    const fresh = await connect(a, draft.id, world.owner.id);
    expect(rationale(fresh)).not.toContain("after the discard");
  });

  it("refuses a change that takes a field past the limit and keeps what was saved", async () => {
    const draft = await draftFor(world, { rationale: "Saved before the paste." });
    const a = await startInstance();
    const client = await connect(a, draft.id, world.owner.id);
    typeParagraph(client.doc, "rationale", "x".repeat(DRAFT_FIELD_MAX_CHARS + 1));
    await new Promise((resolve) => setTimeout(resolve, 500));
    disconnect(client);
    const fresh = await connect(a, draft.id, world.owner.id);
    expect(rationale(fresh)).toBe("Saved before the paste.");
  });
});

describe("reviewing and accepting while the last edits are still being stored", () => {
  it("approves the text on the reviewer's screen, and accepts only the text that was approved, whole", async () => {
    const { s, member, draftId } = await readyDraft();
    // An instance that writes the Markdown only a minute after typing stops: the gap between an
    // edit reaching everyone's screen and reaching the stored text, made wide.
    const a = await startInstance({ textDebounceMs: 60_000, textMaxDebounceMs: 60_000 });
    const writer = await connect(a, draftId, member.id);
    const storedDraft = () =>
      t.db.recordDraft.findUniqueOrThrow({
        where: { id: draftId },
        select: { text: true, textVersion: true },
      });
    const storedRationale = async () =>
      ((await storedDraft()).text as { rationale: string }).rationale;

    await typeStored(writer, draftId, "Managed queues keep the pager quiet.");
    expect(await storedRationale()).not.toContain("Managed queues keep the pager quiet.");
    const before = (await storedDraft()).textVersion;

    const review = await s.owner.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });
    expect(review.textVersion).toBe(before + 1);
    expect(await storedRationale()).toContain("Managed queues keep the pager quiet.");
    let { draft } = await s.owner.api.draft.get({ projectId: s.projectId });
    expect(draft?.reviews.map((r) => r.stale)).toEqual([false]);
    expect(draft?.approval.met).toBe(true);

    // A line typed after the approval: accepting settles it first, so the approval is stale and
    // the record is not written with a text nobody approved.
    await typeStored(writer, draftId, "Ordering per group is enough.");
    const refused = await trpcError(member.api.draft.accept({ projectId: s.projectId }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toMatch(/^0 of 1 decision-maker approved/);
    expect(await t.db.decisionRecord.count({ where: { projectId: s.projectId } })).toBe(0);
    ({ draft } = await s.owner.api.draft.get({ projectId: s.projectId }));
    expect(draft?.reviews.map((r) => r.stale)).toEqual([true]);

    await s.owner.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });
    await member.api.draft.accept({ projectId: s.projectId });
    const recorded = await recordRationale(s.projectId);
    expect(recorded).toContain("Managed queues keep the pager quiet.");
    expect(recorded).toContain("Ordering per group is enough.");
  });
});

describe("opening the editor without typing", () => {
  /** A draft whose quoted vote reasons hold addresses and Markdown's other spellings. */
  async function draftQuoting(reason: string) {
    const s = await openBlankProject(t, ["MEMBER", "MEMBER"], { quorum: 1 });
    const voter = at(s.people, 1);
    const reader = at(s.people, 2);
    await castOnBothCriteria(voter, s.projectId, {
      weight: 4,
      scores: { kafka: 2, sqs: 5 },
      rationale: reason,
    });
    const { draftId } = await voter.api.draft.start({ projectId: s.projectId });
    await voter.api.draft.updateFields({
      projectId: s.projectId,
      chosenOptionKey: "sqs",
      decisionMakers: [{ userId: s.owner.id, name: "" }],
    });
    const stored = () =>
      t.db.recordDraft.findUniqueOrThrow({
        where: { id: draftId },
        select: { text: true, textVersion: true },
      });
    return { s, voter, reader, draftId, stored };
  }

  it("keeps the text, its version and the approvals when someone only opens the draft", async () => {
    const reason = 'See https://example.com/pricing, & =HYPERLINK("http://x") for _costs_';
    const { s, reader, draftId, stored } = await draftQuoting(reason);
    // The rationale as an earlier editing stored it.
    const { text } = await stored();
    await t.db.recordDraft.update({
      where: { id: draftId },
      data: { text: { ...(text as object), rationale: "SQS, see www.example.com/sqs & a@b.co" } },
      select: { id: true },
    });
    const before = await stored();
    // The reason quoted as text: its underscores would otherwise make emphasis of `costs`, and
    // its web addresses stay bare, as typed; read as text, it is the reason as typed.
    const quoted = reason.replace("_costs_", "\\_costs\\_");
    const good = (before.text as { good: string }).good;
    expect(good).toContain(`"${quoted}" (`);
    expect(markdownAsText(good)).toContain(`"${reason}" (`);
    await s.owner.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });

    // Another member opens the draft page, types nothing, and leaves after a while.
    const a = await startInstance();
    const opener = await connect(a, draftId, reader.id);
    expect(documentText(opener.doc).good).toContain("https://example.com/pricing");
    await new Promise((resolve) => setTimeout(resolve, 800));
    disconnect(opener);
    await stopInstance(a);

    expect(await stored()).toEqual(before);
    const { draft } = await s.owner.api.draft.get({ projectId: s.projectId });
    expect(draft?.reviews.map((r) => r.stale)).toEqual([false]);
    await s.owner.api.draft.accept({ projectId: s.projectId, confirmProvisional: true });
    expect(
      await t.db.projectEvent.count({
        where: { projectId: s.projectId, type: "draft.review.stale" },
      }),
    ).toBe(0);
    const record = await t.db.decisionRecord.findFirstOrThrow({
      where: { projectId: s.projectId },
      select: { consequences: true },
    });
    // The record keeps the draft's Markdown; its export shows the reason as typed.
    expect((record.consequences as { good: string[] }).good[0]).toContain(`"${quoted}" (`);
    const madr = await s.owner.api.export.file({ projectId: s.projectId, format: "madr" });
    const shown = textOf(unified().use(remarkParse).use(remarkGfm).parse(madr.content));
    expect(shown).toContain(`Good, because "${reason}" (`);
  });

  it("keeps every quote as typed when someone types in another section, and names who typed", async () => {
    const reason = 'Runbook: https://example.com/runbook and =HYPERLINK("http://x")';
    const { s, voter, draftId, stored } = await draftQuoting(reason);
    await s.owner.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });
    const a = await startInstance();
    const writer = await connect(a, draftId, voter.id);
    typeParagraph(
      writer.doc,
      "rationale",
      "Managed queues, see https://example.com/sqs for limits.",
    );
    await expect
      .poll(async () => ((await stored()).text as { rationale: string }).rationale, {
        timeout: 5_000,
        interval: 10,
      })
      .toBe("Managed queues, see https://example.com/sqs for limits.");
    const text = (await stored()).text as Record<string, string>;
    const asText = markdownAsText(text.good ?? "");
    expect(asText).toContain(`"${reason}" (${voter.name} on Operational cost, scoring SQS 5 of 5)`);
    expect(asText).toContain(`"${reason}" (${voter.name} on Ordering, scoring SQS 5 of 5)`);
    expect(text.good).toContain('https://example.com/runbook and =HYPERLINK("http://x")');
    expect(text.good).not.toContain("](");
    const stale = await t.db.projectEvent.findMany({
      where: { projectId: s.projectId, type: "draft.review.stale" },
      select: { actorId: true },
    });
    expect(stale).toEqual([{ actorId: voter.id }]);
  });
});

describe("who the history names for an edit", () => {
  it("names the member who typed, not the decision-maker whose review stored the edit", async () => {
    const { s, member, draftId } = await readyDraft({ chosenOptionKey: "sqs" });
    await s.owner.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });
    // The member types; the owner approves again before the typing pause stores the Markdown.
    const a = await startInstance({ textDebounceMs: 60_000, textMaxDebounceMs: 60_000 });
    const writer = await connect(a, draftId, member.id);
    const rows = await t.db.recordDraftUpdate.count({ where: { draftId } });
    typeParagraph(writer.doc, "rationale", "Managed queues cost less to run.");
    await expect
      .poll(() => t.db.recordDraftUpdate.count({ where: { draftId } }), {
        timeout: 5_000,
        interval: 10,
      })
      .toBeGreaterThan(rows);
    await s.owner.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });

    const events = await t.db.projectEvent.findMany({
      where: { projectId: s.projectId, type: { in: ["draft.review.stale", "draft.review.given"] } },
      orderBy: { createdAt: "asc" },
      select: { type: true, actorId: true },
    });
    expect(events).toEqual([
      { type: "draft.review.given", actorId: s.owner.id },
      { type: "draft.review.stale", actorId: member.id },
      { type: "draft.review.given", actorId: s.owner.id },
    ]);
    disconnect(writer);
    await stopInstance(a);
  });
});

describe("text typed in the editor, through the record to its exports", () => {
  it("stores a typed section as typed, and the exports escape it once", async () => {
    const { s, member, draftId } = await readyDraft({ chosenOptionKey: "sqs" });
    const a = await startInstance();
    const writer = await connect(a, draftId, member.id);
    const rationale = "R&D's snake_case_budget stays under 5 < 7, see <b>Q&A</b>";
    const consequence = "Costs *drop* by 20% & [on-call](pager) gets quiet_er";
    typeParagraph(writer.doc, "rationale", rationale);
    typeParagraph(writer.doc, "good", consequence);
    const stored = async () =>
      (await t.db.recordDraft.findUniqueOrThrow({ where: { id: draftId }, select: { text: true } }))
        .text as Record<string, string>;
    await expect
      .poll(async () => (await stored()).good, { timeout: 5_000, interval: 10 })
      .not.toBe("");
    // Stored as typed where Markdown needs no escape; escaped only where it would be syntax.
    expect((await stored()).rationale).toBe(
      "R&D's snake_case_budget stays under 5 < 7, see \\<b>Q&A\\</b>",
    );
    expect((await stored()).good).toBe(
      "Costs \\*drop\\* by 20% & \\[on-call]\\(pager) gets quiet_er",
    );
    disconnect(writer);
    await stopInstance(a);

    await s.owner.api.draft.review({ projectId: s.projectId, verdict: "APPROVED" });
    await s.owner.api.draft.accept({ projectId: s.projectId, confirmProvisional: true });
    // The record keeps the draft's Markdown, which its page renders.
    const { view } = await s.owner.api.record.get({ projectId: s.projectId });
    const text = await stored();
    expect(view.decision).toMatchObject({
      rationale: text.rationale,
      consequences: { good: [text.good] },
    });
    for (const format of ["madr", "nygard", "pdf"] as const) {
      const file = await s.owner.api.export.file({ projectId: s.projectId, format });
      const shown =
        format === "pdf"
          ? await readableText("pdf", file.content)
          : textOf(unified().use(remarkParse).use(remarkGfm).parse(file.content));
      const flat = shown.replace(/\s+/g, " ");
      expect(flat, format).toContain(`because ${rationale}`);
      expect(flat, format).toContain(`Good, because ${consequence}`);
    }
  });
});

describe("edits that arrive as the draft is accepted or discarded", () => {
  const accept = (s: Awaited<ReturnType<typeof readyDraft>>["s"]) =>
    s.owner.api.draft.accept({
      projectId: s.projectId,
      overrideReason: "The deadline is today.",
      confirmProvisional: true,
    });

  // The acceptance reaches the instances through LISTEN/NOTIFY: a PostgreSQL server is needed.
  itOnPostgresServer(
    "refuses an edit typed right after acceptance at once, though the editor's access was read a moment before",
    async () => {
      const { s, member, draftId } = await readyDraft();
      const a = await startInstance();
      const b = await startInstance();
      const writer = await connect(a, draftId, member.id);
      const reader = await connect(b, draftId, s.owner.id);
      await typeStored(writer, draftId, "Typed before the acceptance.");
      await accept(s);
      // Well within ACCESS_RECHECK_MS of the last reading of the writer's access.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const rows = await rowsOf(draftId);
      typeParagraph(writer.doc, "rationale", "Typed after the acceptance.");
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await rowsOf(draftId)).toBe(rows);
      expect(rationale(reader)).toContain("Typed before the acceptance.");
      expect(rationale(reader)).not.toContain("Typed after the acceptance.");
      const sameInstance = await connect(a, draftId, s.owner.id);
      expect(rationale(sameInstance)).not.toContain("Typed after the acceptance.");
      // Not taken, so still unsaved in the typist's editor: the page says it was left out.
      expect(writer.provider.hasUnsyncedChanges).toBe(true);
      expect(await recordRationale(s.projectId)).toContain("Typed before the acceptance.");
      expect(await recordRationale(s.projectId)).not.toContain("Typed after the acceptance.");
    },
  );

  /**
   * A member types on an instance that does not hear the draft close, so the edit reaches its
   * document first: one line is stored, `close` accepts or discards the draft, and the member
   * types `late` at once. Answers once the typist was told something, with the number of stored
   * rows when the draft closed.
   */
  async function typeAsDraftCloses(
    close: (s: Awaited<ReturnType<typeof readyDraft>>["s"]) => Promise<unknown>,
    before: string,
    late: string,
  ) {
    const { s, member, draftId } = await readyDraft();
    const a = await startInstance(undefined, { listen: false });
    const writer = await connect(a, draftId, member.id);
    await typeStored(writer, draftId, before);
    await close(s);
    const rows = await rowsOf(draftId);
    typeParagraph(writer.doc, "rationale", late);
    await until(() => writer.told.length > 0, SYNC);
    return { s, draftId, a, writer, rows };
  }

  it("tells the typist when an edit the server took could not be kept because the draft was accepted meanwhile", async () => {
    const { s, draftId, a, writer, rows } = await typeAsDraftCloses(
      accept,
      "Typed before the acceptance.",
      "Typed as it was accepted.",
    );
    expect(writer.told.map((payload) => JSON.parse(payload))).toEqual([
      { type: "edits-left-out", status: "ACCEPTED" },
    ]);
    expect(await rowsOf(draftId)).toBe(rows);
    expect(await recordRationale(s.projectId)).not.toContain("Typed as it was accepted.");
    // Nothing more is taken from it, and a fresh load holds only what the record holds.
    typeParagraph(writer.doc, "rationale", "And more.");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(writer.provider.hasUnsyncedChanges).toBe(true);
    expect(await rowsOf(draftId)).toBe(rows);
    disconnect(writer);
    await stopInstance(a);
    const b = await startInstance(undefined, { listen: false });
    const fresh = await connect(b, draftId, s.owner.id);
    expect(rationale(fresh)).toContain("Typed before the acceptance.");
    expect(rationale(fresh)).not.toMatch(/Typed as it was accepted|And more/);
  });

  it("tells the typist the same when the draft was discarded", async () => {
    const { draftId, writer, rows } = await typeAsDraftCloses(
      (s) => s.owner.api.draft.discard({ projectId: s.projectId }),
      "Typed before the discard.",
      "Typed as it was discarded.",
    );
    expect(writer.told.map((payload) => JSON.parse(payload))).toEqual([
      { type: "edits-left-out", status: "DISCARDED" },
    ]);
    expect(await rowsOf(draftId)).toBe(rows);
  });
});

describe("latency with a 50,000-character draft", () => {
  // Two instances: a PostgreSQL server is needed (see above).
  itOnPostgresServer(
    "brings one person's edit to four others across two instances",
    async () => {
      const paragraph = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. "
        .repeat(20)
        .trim();
      const paragraphs = Math.ceil(50_000 / (paragraph.length + 2));
      const long = Array.from({ length: paragraphs }, () => paragraph).join("\n\n");
      const draft = await draftFor(world, { context: long });
      const a = await startInstance();
      const b = await startInstance();
      const people = [
        world.owner.id,
        ...world.people.filter((p) => p.role !== "VIEWER").map((p) => p.id),
      ];
      const clients: Client[] = [];
      for (let i = 0; i < 5; i++) {
        clients.push(await connect(i < 3 ? a : b, draft.id, people[i % people.length] as string));
      }
      const [first] = clients;
      if (!first) throw new Error("five clients connected");
      const total = DRAFT_TEXT_FIELDS.reduce((n, f) => n + documentText(first.doc)[f].length, 0);
      expect(total).toBeGreaterThanOrEqual(50_000);

      // Each person types into a paragraph of their own: "<who>:<n>;" every 100 ms for 5 s.
      const lines = clients.map((client) => typeParagraph(client.doc, "rationale", ""));
      await until(() => clients.every((c) => c.doc.getXmlFragment("rationale").length >= 5), SYNC);
      const sentAt = new Map<string, number>();
      const latencies: number[] = [];
      const seen = clients.map(() => new Set<string>());
      clients.forEach((client, observer) => {
        client.doc.on("update", () => {
          const now = performance.now();
          const fragment = client.doc.getXmlFragment("rationale");
          for (const element of fragment.toArray()) {
            const text = element instanceof Y.XmlElement ? element.toString() : "";
            for (const mark of text.matchAll(/(\d):(\d+);/g)) {
              const key = `${mark[1]}:${mark[2]}`;
              if (Number(mark[1]) === observer || seen[observer]?.has(key)) continue;
              seen[observer]?.add(key);
              const sent = sentAt.get(key);
              if (sent !== undefined) latencies.push(now - sent);
            }
          }
        });
      });
      const rounds = 50;
      for (let n = 0; n < rounds; n++) {
        clients.forEach((client, who) => {
          const line = lines[who] as Y.XmlText;
          const key = `${who}:${n}`;
          sentAt.set(key, performance.now());
          client.doc.transact(() => line.insert(line.length, `${key};`));
        });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await until(() => latencies.length >= rounds * 5 * 4, { ...SYNC, timeoutMs: 10_000 });
      latencies.sort((x, y) => x - y);
      const median = latencies[Math.floor(latencies.length / 2)] as number;
      const worst = latencies.at(-1) as number;
      console.log(
        `draft latency: ${latencies.length} deliveries, 5 clients on 2 instances, ${total} characters: median ${median.toFixed(1)} ms, worst ${worst.toFixed(1)} ms`,
      );
      // Every edit reached every other person, and the texts are the same everywhere.
      expect(latencies).toHaveLength(rounds * 5 * 4);
      const texts = clients.map((c) => documentText(c.doc).rationale);
      expect(new Set(texts).size).toBe(1);
    },
    60_000,
  );
});

describe("access lost while a draft is open", () => {
  const NOT_IN_TEAM =
    "This draft was not found, or you are not in its team. Ask a team admin to invite you.";
  const CLOSED = {
    code: ACCESS_ENDED_CODE,
    reason: "You are no longer in this draft's team, or were signed out: the draft was closed.",
  };
  /** Long enough for an edit to reach a tab that is still connected. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

  /** The server's side of `userId`'s open tabs on a draft, on one instance. */
  const serverConnections = (instance: Instance, draftId: string, userId: string) =>
    (instance.collab.documents.get(draftId)?.getConnections() ?? []).filter(
      (connection) => (connection.context as DraftConnectionContext).user.id === userId,
    );

  // Removals are announced through NOTIFY, which the embedded database does not pass between
  // connections: a PostgreSQL server is needed here.
  itOnPostgresServer(
    "disconnects a viewer and a member removed from the team, on every instance, before the next edit reaches them",
    async () => {
      const team = await teamWith(t, ["VIEWER", "MEMBER", "MEMBER"]);
      const [, viewer, member, staying] = team.people;
      if (!viewer || !member || !staying) throw new Error("fixture has a viewer and two members");
      const draft = await draftFor(team, { rationale: "Start." });
      const a = await startInstance();
      const b = await startInstance();
      const owner = await connect(a, draft.id, team.owner.id);
      const removedViewer = await connect(b, draft.id, viewer.id);
      const removedMember = await connect(a, draft.id, member.id);
      const colleague = await connect(b, draft.id, staying.id);

      await team.owner.api.member.remove({ teamId: team.team.id, userId: viewer.id });
      await team.owner.api.member.remove({ teamId: team.team.id, userId: member.id });
      // Neither tab sends anything: the removal itself closes them, on both instances.
      await until(() => removedViewer.closed.length > 0 && removedMember.closed.length > 0, SYNC);
      typeParagraph(owner.doc, "rationale", "SECRET after removal");
      await until(() => rationale(colleague).includes("SECRET after removal"), SYNC);
      await settle();
      expect(rationale(removedViewer)).toBe("Start.");
      expect(rationale(removedMember)).toBe("Start.");
      expect(removedViewer.closed).toContainEqual(CLOSED);
      expect(removedMember.closed).toContainEqual(CLOSED);
      // The editor reconnects on its own and is told why the draft no longer opens.
      await until(() => removedViewer.refused.length > 0 && removedMember.refused.length > 0, {
        timeoutMs: 10_000,
        everyMs: 20,
      });
      expect(removedViewer.refused).toContain(NOT_IN_TEAM);
      expect(removedMember.refused).toContain(NOT_IN_TEAM);
      expect(rationale(removedViewer)).toBe("Start.");
    },
  );

  itOnPostgresServer(
    "turns a member made a viewer read-only at once, on every instance",
    async () => {
      const team = await teamWith(t, ["MEMBER"]);
      const demoted = at(team.people, 1);
      const draft = await draftFor(team, { rationale: "Start." });
      const a = await startInstance();
      const b = await startInstance();
      const owner = await connect(a, draft.id, team.owner.id);
      const reader = await connect(b, draft.id, demoted.id);

      await team.owner.api.member.changeRole({
        teamId: team.team.id,
        userId: demoted.id,
        role: "VIEWER",
      });
      await until(() => serverConnections(b, draft.id, demoted.id)[0]?.readOnly === true, SYNC);
      // The editor is told at once, so it can stop and say why (once, not at every edit).
      await until(() => reader.told.length > 0, SYNC);
      // Typed at once, well within the time an editing connection's access is trusted.
      typeParagraph(reader.doc, "rationale", "after demotion");
      typeParagraph(owner.doc, "rationale", "owner still edits");
      await until(() => rationale(reader).includes("owner still edits"), SYNC);
      await settle();
      expect(rationale(owner)).not.toContain("after demotion");
      expect(reader.told.map((payload) => JSON.parse(payload))).toEqual([
        { type: "read-only", role: "VIEWER" },
      ]);
      // A viewer still reads the draft.
      expect(reader.closed).toEqual([]);
    },
  );

  /**
   * A team's member and a draft of the team ("Start."), open on one instance in the owner's tab;
   * `memberTab` opens it in the member's browser of sign-in `sessionId`.
   */
  async function draftOpenToMember() {
    const team = await teamWith(t, ["MEMBER"]);
    const member = at(team.people, 1);
    const draft = await draftFor(team, { rationale: "Start." });
    const instance = await startInstance();
    const owner = await connect(instance, draft.id, team.owner.id);
    const memberTab = (sessionId: string) =>
      connect(instance, draft.id, `${member.id}:${sessionId}`);
    return { member, owner, memberTab };
  }

  /** `tab` is closed for its lost access, and what the owner types next never reaches it. */
  async function expectCutOff(tab: Client, owner: Client, typed: string) {
    await until(() => tab.closed.length > 0, SYNC);
    typeParagraph(owner.doc, "rationale", typed);
    await settle();
    expect(rationale(tab)).toBe("Start.");
    expect(tab.closed).toContainEqual(CLOSED);
  }

  itOnPostgresServer("disconnects someone who signed out everywhere", async () => {
    const { member, owner, memberTab } = await draftOpenToMember();
    const session = await t.db.signInSession.create({
      data: { userId: member.id },
      select: { id: true },
    });
    const tab = await memberTab(session.id);
    expect(tab.refused).toEqual([]);

    await t.callerAs({ ...member, sessionId: session.id }).account.signOutEverywhere();
    await expectCutOff(tab, owner, "written after the sign-out");
  });

  /** next-auth's handlers as the web app configures them, on the test database. */
  const authOptions = () =>
    createAuthOptions(
      t.db,
      readAuthEnv({ NEXTAUTH_SECRET: "a-test-secret-of-enough-length-0123456789" }),
    );

  itOnPostgresServer(
    "disconnects the browser that signs out at once, leaving the member's other browser open",
    async () => {
      const { member, owner, memberTab } = await draftOpenToMember();
      const options = authOptions();
      // Two sign-ins, as next-auth's callback makes them: each JWT names its sign-in record.
      const signIn = async () =>
        (await options.callbacks?.jwt?.({
          token: {},
          user: { id: member.id, email: member.email, name: member.name, tokenVersion: 0 },
        } as never)) as { sub: string; sid: string };
      const leaving = await signIn();
      const staying = await signIn();
      const tab = await memberTab(leaving.sid);
      const otherBrowser = await memberTab(staying.sid);
      expect(tab.refused).toEqual([]);

      // Signing out, as next-auth's sign-out route does for a JWT session.
      await options.events?.signOut?.({ token: leaving } as never);
      await expectCutOff(tab, owner, "written after the sign-out");
      await until(() => rationale(otherBrowser).includes("written after the sign-out"), SYNC);
      expect(otherBrowser.closed).toEqual([]);
    },
  );

  itOnPostgresServer(
    "disconnects a browser signed in with a password set before the address was proven, once it is",
    async () => {
      const { member, owner, memberTab } = await draftOpenToMember();
      await t.db.user.update({
        where: { id: member.id },
        data: { emailVerified: null, passwordHash: "set-before-the-address-was-proven" },
      });
      const unproven = await t.db.signInSession.create({
        data: { userId: member.id },
        select: { id: true },
      });
      const tab = await memberTab(unproven.id);
      expect(tab.refused).toEqual([]);

      // The address's owner opens an emailed sign-in link: next-auth sets emailVerified through
      // the adapter.
      await authOptions().adapter?.updateUser?.({ id: member.id, emailVerified: new Date() });
      await expectCutOff(tab, owner, "written after the proof");
    },
  );

  it("disconnects, within the periodic check, someone whose membership went without an announcement", async () => {
    const team = await teamWith(t, ["VIEWER", "MEMBER"]);
    const [, viewer, member] = team.people;
    if (!viewer || !member) throw new Error("fixture has a viewer and a member");
    const draft = await draftFor(team, { rationale: "Start." });
    const a = await startInstance(undefined, { accessSweepMs: 200 });
    const owner = await connect(a, draft.id, team.owner.id);
    const v = await connect(a, draft.id, viewer.id);
    const m = await connect(a, draft.id, member.id);
    // Changed in the database by hand: no service announced it.
    for (const userId of [viewer.id, member.id]) {
      await t.db.membership.delete({ where: { teamId_userId: { teamId: team.team.id, userId } } });
    }
    await until(() => v.closed.length > 0 && m.closed.length > 0, SYNC);
    typeParagraph(owner.doc, "rationale", "SECRET after removal");
    await settle();
    expect(rationale(v)).toBe("Start.");
    expect(rationale(m)).toBe("Start.");
    expect(serverConnections(a, draft.id, viewer.id)).toEqual([]);
  });
});

/**
 * The database behind a TCP relay the test can cut, as a database server that goes away (and
 * comes back on the same address).
 */
async function cuttableDatabase() {
  const target = new URL(t.url);
  const sockets = new Set<Socket>();
  const relay = createTcpServer((client) => {
    const upstream = tcpConnect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.on("close", () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const { port } = relay.address() as AddressInfo;
  const url = new URL(t.url);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    db: createPrismaClient(url.toString()),
    cut: async () => {
      await new Promise<void>((resolve) => {
        relay.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
    restore: () => new Promise<void>((resolve) => relay.listen(port, "127.0.0.1", resolve)),
  };
}

describe("the database going away while a draft is open", () => {
  it("closing the last editor while its edits cannot be stored rejects nothing unhandled, and says which draft", async () => {
    const draft = await draftFor(world, { rationale: "Before the outage." });
    const database = await cuttableDatabase();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    const reported: { what: string; draftId: string | undefined }[] = [];
    let restored = false;
    try {
      // The text would be stored only after a minute of quiet: closing the editor stores it.
      const a = await startInstance(
        { textDebounceMs: 60_000, textMaxDebounceMs: 60_000 },
        {
          listen: false,
          db: database.db,
          onError: (_error, what, context) => reported.push({ what, draftId: context?.draftId }),
        },
      );
      const client = await connect(a, draft.id, world.owner.id);
      await typeStored(client, draft.id, "Stored before the outage.");
      await database.cut();
      typeParagraph(client.doc, "rationale", "Typed during the outage.");
      await until(() => reported.length > 0, SYNC);
      // The editor goes: Hocuspocus stores the document at once, and that fails.
      disconnect(client);
      const before = reported.length;
      await until(() => unhandled.length > 0 || reported.length > before, SYNC);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(unhandled.map(String)).toEqual([]);
      // Each failed attempt is reported by the draft server itself, naming the draft.
      expect(new Set(reported.map((r) => r.draftId))).toEqual(new Set([draft.id]));
      // Back again: the edits typed during the outage are stored, and the server stops cleanly.
      await database.restore();
      restored = true;
      await expect
        .poll(() => rowsOf(draft.id), { timeout: 5_000, interval: 50 })
        .toBeGreaterThanOrEqual(3);
    } finally {
      process.off("unhandledRejection", onUnhandled);
      if (!restored) await database.restore();
      for (const instance of [...instances]) await stopInstance(instance);
      await database.db.$disconnect();
    }
  });
});
