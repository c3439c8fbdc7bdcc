import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { commentDraft, resolveDraftComment } from "../src/services/draft/comment-draft";
import { appendDraftUpdate } from "../src/services/draft/document-store";
import { updateDraftFields } from "../src/services/draft/update-draft-fields";
import { trpcError, useTestDatabase } from "./helpers";
import { openDraftTeamProject } from "./project-fixtures";
import { inTurnBehindLock, itWithLocks } from "./row-lock";

/**
 * The access check in front of a draft change reads the role before any lock. A member removed
 * (or demoted) after that reading, while the change waited for the draft behind a review or an
 * acceptance, must not change the draft as the member they no longer are.
 */
const t = useTestDatabase();

const spike = [{ label: "Spike", url: "https://example.com/spike" }];

async function startedDraft() {
  const s = await openDraftTeamProject(t);
  await s.owner.api.draft.start({ projectId: s.projectId });
  await s.owner.api.draft.updateFields({
    projectId: s.projectId,
    decisionMakers: [
      { userId: s.owner.id, name: "" },
      { userId: s.member2.id, name: "" },
    ],
  });
  const fields = () =>
    t.db.recordDraft.findUniqueOrThrow({
      where: { projectId: s.projectId },
      select: { links: true, decisionMakers: true, textVersion: true },
    });
  /** The owner removes the member from the team. */
  const removeMember = () => s.owner.api.member.remove({ teamId: s.team.id, userId: s.member.id });
  /** Runs `change` queued behind the team's row while the member's removal commits first. */
  const behindRemoval = <T>(change: () => Promise<T>) =>
    inTurnBehindLock(t.db, "teams", s.team.id, removeMember, change);
  return { ...s, fields, removeMember, behindRemoval, before: await fields() };
}

describe("a draft change by someone who lost access meanwhile", () => {
  it("changes no field once its member was removed after the access check", async () => {
    const s = await startedDraft();
    // What the access check read, before the removal committed.
    const checked = { userId: s.member.id, teamId: s.team.id, role: "MEMBER" as const };
    await s.removeMember();
    const refused = await updateDraftFields(t.db, checked, {
      projectId: s.projectId,
      links: spike,
    }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ kind: "NOT_FOUND" });
    expect(await s.fields()).toEqual(s.before);
  });

  it("removes no decision-maker once the admin was made a member after the access check", async () => {
    const s = await startedDraft();
    const checked = { userId: s.admin.id, teamId: s.team.id, role: "ADMIN" as const };
    await s.owner.api.member.changeRole({ teamId: s.team.id, userId: s.admin.id, role: "MEMBER" });
    const refused = await updateDraftFields(t.db, checked, {
      projectId: s.projectId,
      decisionMakers: [{ userId: s.owner.id, name: "" }],
    }).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      kind: "FORBIDDEN",
      message: expect.stringMatching(/^You cannot remove member 3 from the decision-makers/),
    });
    expect(await s.fields()).toEqual(s.before);
  });

  it("adds no comment once its member was removed after the access check", async () => {
    const s = await startedDraft();
    const checked = { userId: s.member.id, teamId: s.team.id };
    await s.removeMember();
    const refused = await commentDraft(t.db, checked, {
      projectId: s.projectId,
      body: "Written after the removal",
      quote: null,
    }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ kind: "NOT_FOUND" });
    expect(await t.db.recordDraftComment.count({ where: { authorId: s.member.id } })).toBe(0);
  });

  it("resolves no comment once its member was removed after the access check", async () => {
    const s = await startedDraft();
    const { id: commentId } = await s.owner.api.draft.comment({
      projectId: s.projectId,
      body: "Is the spike linked?",
      quote: null,
    });
    const checked = { userId: s.member.id, teamId: s.team.id };
    await s.removeMember();
    const refused = await resolveDraftComment(t.db, checked, {
      projectId: s.projectId,
      commentId,
      resolved: true,
    }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ kind: "NOT_FOUND" });
    const comment = await t.db.recordDraftComment.findUniqueOrThrow({ where: { id: commentId } });
    expect(comment.resolvedAt).toBeNull();
  });

  itWithLocks("is refused once the removal it waited behind commits", async () => {
    const s = await startedDraft();
    const [removed, refused] = await s.behindRemoval(() =>
      trpcError(s.member.api.draft.updateFields({ projectId: s.projectId, links: spike })),
    );
    expect(removed).toEqual({
      userId: s.member.id,
      shareLinksRevoked: 0,
      webhooksDisabled: 0,
      invitationsRevoked: 0,
    });
    expect(refused.code).toBe("NOT_FOUND");
    expect(await s.fields()).toEqual(s.before);
  });
});

/**
 * The realtime editor reads an editor's access again before applying their edits, but trusts a
 * reading for up to a second: edits typed by a member removed (or made a viewer) within it reach
 * the step that stores them, which must read who may edit again, under the team's row.
 */
describe("edits from the realtime editor by someone who lost access meanwhile", () => {
  /** A batch of edits as an editor sends it (a Yjs update), and the draft's stored rows. */
  async function editedDraft() {
    const s = await startedDraft();
    const { draftId } = await s.owner.api.draft.start({ projectId: s.projectId });
    const doc = new Y.Doc();
    doc.getText("rationale").insert(0, "Typed just after the removal.");
    const update = Y.encodeStateAsUpdate(doc);
    const rows = () => t.db.recordDraftUpdate.count({ where: { draftId } });
    return { ...s, draftId, update, rows, rowsBefore: await rows() };
  }

  it("stores nothing typed by a member removed, or made a viewer, after the editor's access check", async () => {
    const s = await editedDraft();
    await s.removeMember();
    await s.owner.api.member.changeRole({ teamId: s.team.id, userId: s.admin.id, role: "VIEWER" });
    for (const typist of [s.member, s.admin]) {
      const result = await appendDraftUpdate(t.db, {
        draftId: s.draftId,
        update: s.update,
        authorId: typist.id,
      });
      expect(result).toEqual({
        stored: false,
        closed: false,
        refused: [typist.id],
        reason: expect.stringMatching(/^You may no longer edit this draft .*not saved\.$/),
      });
    }
    // A batch holds the edits of everyone who typed in it: one of them removed refuses it all.
    const mixed = await appendDraftUpdate(t.db, {
      draftId: s.draftId,
      update: s.update,
      authorId: s.member2.id,
      typists: [s.member.id, s.member2.id],
    });
    expect(mixed).toMatchObject({ stored: false, refused: [s.member.id] });
    expect(await s.rows()).toBe(s.rowsBefore);
    // A member who still may edit has theirs stored.
    const kept = await appendDraftUpdate(t.db, {
      draftId: s.draftId,
      update: s.update,
      authorId: s.member2.id,
    });
    expect(kept).toMatchObject({ stored: true });
    expect(await s.rows()).toBe(s.rowsBefore + 1);
  });

  itWithLocks("stores nothing once the removal it waited behind commits", async () => {
    const s = await editedDraft();
    const [removed, refused] = await s.behindRemoval(() =>
      appendDraftUpdate(t.db, { draftId: s.draftId, update: s.update, authorId: s.member.id }),
    );
    expect(removed).toMatchObject({ userId: s.member.id });
    expect(refused).toMatchObject({ stored: false, refused: [s.member.id] });
    expect(await s.rows()).toBe(s.rowsBefore);
  });
});
