import { createUser } from "@tradeoff/db/testing";
import { describe, expect, it } from "vitest";
import { sentTwiceThenRetried, trpcError, useTestDatabase } from "./helpers";
import { at, blankInput, openProject as open, openBlankProject } from "./project-fixtures";

const t = useTestDatabase();

async function openProject() {
  const setup = await openBlankProject(t, ["MEMBER", "VIEWER"]);
  return { ...setup, member: at(setup.people, 1), viewer: at(setup.people, 2) };
}

describe("discussion", () => {
  it("lets viewers comment on a criterion and on the whole project, in the history too", async () => {
    const { owner, viewer, projectId } = await openProject();
    const onOps = await viewer.api.comment.create({
      projectId,
      criterionKey: "ops",
      body: "**Kafka** needs a team to run it.",
    });
    await owner.api.comment.create({ projectId, body: "Let's decide by Friday." });

    const comments = (await owner.api.comment.list({ projectId })).items;
    expect(comments.map((c) => [c.criterionKey, c.body, c.author?.id])).toEqual([
      ["ops", "**Kafka** needs a team to run it.", viewer.id],
      [null, "Let's decide by Friday.", owner.id],
    ]);
    expect(comments[0]).toMatchObject({ mine: false, deleted: false, editedAt: null });

    const history = await owner.api.history.list({ projectId, criterionKey: "ops" });
    expect(history.items[0]).toMatchObject({
      type: "comment.created",
      actor: { id: viewer.id },
      data: { commentId: onOps.id, criterionKey: "ops" },
    });
  });

  it("answers the comment already added when the same idempotency key is sent again; another key adds another", async () => {
    const { viewer, projectId } = await openProject();
    const input = {
      projectId,
      body: "Sent twice by a double click.",
      idempotencyKey: "0f8c2a5e-8f3b-4c1d-9a47-3e2b1c0d9f11",
    };
    const first = await sentTwiceThenRetried(() => viewer.api.comment.create(input));
    expect(await t.db.comment.count({ where: { projectId, body: input.body } })).toBe(1);

    const another = await viewer.api.comment.create({
      ...input,
      idempotencyKey: "5a1d7c3b-2e4f-4a6b-8c9d-0e1f2a3b4c5d",
    });
    expect(another.id).not.toBe(first.id);
    expect(await t.db.comment.count({ where: { projectId, body: input.body } })).toBe(2);

    const bad = await trpcError(
      viewer.api.comment.create({ ...input, idempotencyKey: "not-a-uuid" }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
  });

  it("refuses a key already used for a comment on another decision, saying to send a new one", async () => {
    const { owner, team, projectId } = await openProject();
    const other = await open(owner, blankInput(team.id, { title: "Which cache?" }));
    const key = "7d2e9b41-6c3a-4f58-9e0d-1a2b3c4d5e6f";
    await owner.api.comment.create({ projectId, body: "On the first.", idempotencyKey: key });
    const error = await trpcError(
      owner.api.comment.create({ projectId: other, body: "On the second.", idempotencyKey: key }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(
      "This idempotency key was already used for one of your comments on another decision: send a new key with each new comment.",
    );
    expect(await t.db.comment.count({ where: { projectId: other } })).toBe(0);
  });

  it("refuses a comment on a criterion the project does not have", async () => {
    const { member, projectId } = await openProject();
    const error = await trpcError(
      member.api.comment.create({ projectId, criterionKey: "nope", body: "Hi" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
  });

  it("edits and deletes only one's own comment; a deleted one stays as deleted", async () => {
    const { owner, member, projectId } = await openProject();
    const mine = await member.api.comment.create({ projectId, body: "First thought" });

    expect(
      (await trpcError(owner.api.comment.edit({ projectId, commentId: mine.id, body: "x" }))).code,
    ).toBe("FORBIDDEN");
    expect(
      (await trpcError(owner.api.comment.delete({ projectId, commentId: mine.id }))).code,
    ).toBe("FORBIDDEN");

    const edited = await member.api.comment.edit({
      projectId,
      commentId: mine.id,
      body: "Second thought",
    });
    expect(edited).toMatchObject({ body: "Second thought", mine: true });
    expect(edited.editedAt).toBeInstanceOf(Date);

    await member.api.comment.delete({ projectId, commentId: mine.id });
    const [listed] = (await owner.api.comment.list({ projectId })).items;
    expect(listed).toMatchObject({ id: mine.id, deleted: true, body: "" });
    expect(
      (await trpcError(member.api.comment.edit({ projectId, commentId: mine.id, body: "back" })))
        .code,
    ).toBe("NOT_FOUND");

    const history = await owner.api.history.list({ projectId, actorId: member.id });
    expect(history.items.map((e) => e.type)).toEqual([
      "comment.deleted",
      "comment.edited",
      "comment.created",
    ]);
  });

  it("puts a comment that @-mentions teammates in their needs-attention list until they open it", async () => {
    const { owner, member, viewer, projectId, team } = await openProject();
    const stranger = await createUser(t.db, { name: "Sam Stranger" });
    const comment = await owner.api.comment.create({
      projectId,
      criterionKey: "ordering",
      body: `@[${member.name}](${member.id}) and @${viewer.email} what do you think? cc @${stranger.email} @[Me](${owner.id})`,
    });

    const forMember = await member.api.comment.mentions({ teamId: team.id });
    expect(forMember).toHaveLength(1);
    expect(forMember[0]).toMatchObject({
      commentId: comment.id,
      project: { id: projectId },
      criterion: { key: "ordering" },
      author: owner.name,
    });
    expect(forMember[0]?.excerpt).toContain(`@${member.name} and`);
    expect(await viewer.api.comment.mentions({ teamId: team.id })).toHaveLength(1);
    // Only teammates can be mentioned, and nobody is notified of their own comment.
    expect(await t.db.mention.count({ where: { userId: stranger.id } })).toBe(0);
    expect(await owner.api.comment.mentions({ teamId: team.id })).toHaveLength(0);

    await member.api.comment.markMentionsSeen({ projectId });
    expect(await member.api.comment.mentions({ teamId: team.id })).toHaveLength(0);
    expect(await viewer.api.comment.mentions({ teamId: team.id })).toHaveLength(1);

    // Editing the mention away, or deleting the comment, takes it off the list.
    await owner.api.comment.edit({ projectId, commentId: comment.id, body: "Never mind." });
    expect(await viewer.api.comment.mentions({ teamId: team.id })).toHaveLength(0);
  });
});
