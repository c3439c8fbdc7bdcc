import { createUser } from "@tradeoff/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRealtime, stopRealtime } from "../src/realtime";
import { createCaller } from "../src/root";
import { authenticateToken } from "../src/services/token/authenticate-token";
import { createContextInner } from "../src/trpc";
import { trpcError, useTestDatabase } from "./helpers";
import { blankInput, teamWith } from "./project-fixtures";

const t = useTestDatabase();

async function newTeam() {
  const { team, owner, people } = await teamWith(t, ["MEMBER", "VIEWER"]);
  const [, member, viewer] = people;
  if (!member || !viewer) throw new Error("fixture: people missing");
  return { team, owner, member, viewer };
}

describe("inbox", () => {
  it("tells voters a project opened, never the person who opened it, and links to it", async () => {
    const { team, owner, member, viewer } = await newTeam();
    const project = await owner.api.project.create(blankInput(team.id));
    await owner.api.project.open({ projectId: project.id });

    const inbox = await member.api.notification.list();
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]).toMatchObject({
      kind: "project.opened",
      read: false,
      href: `/t/${team.slug}/p/${project.id}`,
      text: 'Olivia Owner opened "Which queue for billing events?" for voting.',
    });
    expect((await member.api.notification.unreadCount()).unread).toBe(1);
    // The opener is not told about their own action; viewers do not vote.
    expect((await owner.api.notification.list()).items).toEqual([]);
    expect((await viewer.api.notification.list()).items).toEqual([]);
  });

  it("tells everyone in the team when voting closes, newest first", async () => {
    const { team, owner, member, viewer } = await newTeam();
    const project = await owner.api.project.create(blankInput(team.id));
    await owner.api.project.open({ projectId: project.id });
    await owner.api.project.close({ projectId: project.id });
    await owner.api.project.reopen({ projectId: project.id });

    expect((await member.api.notification.list()).items.map((n) => n.kind)).toEqual([
      "project.reopened",
      "project.closed",
      "project.opened",
    ]);
    expect((await viewer.api.notification.list()).items.map((n) => n.kind)).toEqual([
      "project.closed",
    ]);
  });

  it("marks one or all read, and only the caller's own", async () => {
    const { team, owner, member, viewer } = await newTeam();
    for (const title of ["First", "Second"]) {
      const project = await owner.api.project.create(blankInput(team.id, { title }));
      await owner.api.project.open({ projectId: project.id });
      await owner.api.project.close({ projectId: project.id });
    }
    const items = (await member.api.notification.list()).items;
    expect(items).toHaveLength(4);
    const first = items[0];
    if (!first) throw new Error("no notification");

    // Someone else's notification is not found, and stays unread.
    const error = await trpcError(viewer.api.notification.markRead({ id: first.id }));
    expect(error.code).toBe("NOT_FOUND");
    expect((await member.api.notification.unreadCount()).unread).toBe(4);

    expect(await member.api.notification.markRead({ id: first.id })).toEqual({ unread: 3 });
    expect(await member.api.notification.markAllRead()).toEqual({ marked: 3 });
    expect((await member.api.notification.unreadCount()).unread).toBe(0);
    expect((await member.api.notification.list()).items.every((n) => n.read)).toBe(true);
    // The viewer's own notifications were not touched.
    expect((await viewer.api.notification.unreadCount()).unread).toBe(2);
  });

  it("tells an existing user they were invited, with the link to accept", async () => {
    const { team, owner, member } = await newTeam();
    // An account whose address was proven by an emailed sign-in link.
    const invitee = await createUser(t.db, { emailVerified: new Date() });
    const created = await owner.api.invitation.create({
      teamId: team.id,
      email: invitee.email,
      role: "MEMBER",
      expiresInDays: 7,
    });
    const [notification] = (await t.callerAs(invitee).notification.list()).items;
    expect(notification?.kind).toBe("team.invited");
    expect(notification?.href).toBe(`/invite/${created.token}`);
    expect(notification?.text).toContain("invited you to join");
    expect((await member.api.notification.list()).items).toEqual([]);
    // The database keeps no usable link: the token is stored only sealed with the app's secret.
    const holding = await t.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM notifications WHERE data::text LIKE ${`%${created.token}%`}`;
    expect(holding[0]?.n).toBe(0);
    // The invitee accepts from the inbox's link.
    const token = notification?.href?.split("/").pop() ?? "";
    await t.callerAs(invitee).invitation.accept({ token });
    expect((await t.callerAs(invitee).team.list()).map((m) => m.id)).toContain(team.id);
  });

  it("rejects an id that is not a notification id with a clear message", async () => {
    const { member } = await newTeam();
    const error = await trpcError(member.api.notification.markRead({ id: "abc" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("Not a notification id");
  });
});

describe("live unread count", () => {
  beforeAll(async () => {
    await startRealtime(t.db, { url: t.url });
  });
  afterAll(async () => {
    await stopRealtime(t.db);
  });

  it("rises when a notification arrives and falls when it is read, without asking again", async () => {
    const { team, owner, member } = await newTeam();
    const iterator = await liveUnread(member.api);

    const project = await owner.api.project.create(blankInput(team.id));
    await owner.api.project.open({ projectId: project.id });
    expect((await iterator.next()).value).toEqual({ unread: 1 });

    await member.api.notification.markAllRead();
    expect((await iterator.next()).value).toEqual({ unread: 0 });
    await iterator.return?.();
  });

  /** The live unread count of the caller's user, past its first answer: nothing unread. */
  async function liveUnread(api: Pick<ReturnType<typeof t.callerAs>, "notification">) {
    const iterator = (await api.notification.unread())[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual({ unread: 0 });
    return iterator;
  }

  /**
   * The owner opens a project, which the stream would count: it has ended instead, within three
   * seconds, telling nothing more.
   */
  async function expectEndedBeforeNextProject(
    iterator: AsyncIterator<unknown>,
    owner: { api: ReturnType<typeof t.callerAs> },
    teamId: string,
  ) {
    const project = await owner.api.project.create(blankInput(teamId));
    await owner.api.project.open({ projectId: project.id });
    const next = await Promise.race([
      iterator.next(),
      new Promise((resolve) => setTimeout(() => resolve("still open"), 3_000)),
    ]);
    expect(next).toEqual({ done: true, value: undefined });
    await iterator.return?.();
  }

  it("ends once the session is signed out elsewhere, telling nothing more", async () => {
    const { team, owner, member } = await newTeam();
    const iterator = await liveUnread(member.api);

    // Signing out everywhere raises the account's token version.
    await t.db.user.update({ where: { id: member.id }, data: { tokenVersion: { increment: 1 } } });
    await expectEndedBeforeNextProject(iterator, owner, team.id);
  });

  it("ends once the access token it was opened with is revoked, telling nothing more", async () => {
    const { team, owner, member } = await newTeam();
    const { id: tokenId, token } = await member.api.token.create({ name: "CLI", scope: "READ" });
    const auth = await authenticateToken(t.db, token);
    if ("error" in auth) throw new Error(`the new token was refused: ${auth.error}`);
    const viaToken = createCaller(
      createContextInner({ db: t.db, user: auth.user, credential: "token" }),
    );
    const iterator = await liveUnread(viaToken);

    await member.api.token.revoke({ tokenId });
    await expectEndedBeforeNextProject(iterator, owner, team.id);
  });
});
