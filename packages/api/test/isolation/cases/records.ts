import { expect } from "vitest";
import { JSON_EXPORT_FORMAT, JSON_EXPORT_VERSION } from "../../../src/services/export/json";
import { defineCases } from "../case";
import { createProjectOfTeamA, type World } from "../world";

type Status = "DRAFT" | "OPEN" | "DECIDED";

/**
 * A project of team A created by the MEMBER-role user: recording, revising, superseding and
 * sharing belong to admins and the creator, so the positive control (exactly MEMBER) is allowed.
 */
async function projectOfTeamA(world: World, status: Status = "OPEN", recorded = false) {
  const project = await createProjectOfTeamA(world, {
    status,
    ...(recorded
      ? {
          record: {
            create: {
              teamId: world.teamA.id,
              chosenOptionKey: "fastapi",
              rationale: "Fast.",
              revisions: { create: { revision: 1, data: {} } },
            },
          },
        }
      : {}),
  });
  return project.id;
}

const fields = {
  chosenOptionKey: "fastapi",
  rationale: "Nobody voted; the team agreed in the meeting that it is fast.",
};

const team = (world: World) => ({ teamId: world.teamA.id });

export const cases = defineCases({
  "record.get": { input: async (w) => ({ projectId: await projectOfTeamA(w, "DECIDED", true) }) },
  "record.decide": {
    // Nobody voted: the result is provisional, and recording it is confirmed.
    input: async (w) => ({
      projectId: await projectOfTeamA(w),
      ...fields,
      confirmProvisional: true,
    }),
  },
  "record.revise": {
    input: async (w) => ({
      projectId: await projectOfTeamA(w, "DECIDED", true),
      ...fields,
      note: "Clarified",
    }),
  },
  "record.supersede": {
    input: async (w) => ({
      projectId: await projectOfTeamA(w, "DECIDED", true),
      successorIds: [await projectOfTeamA(w, "DRAFT")],
    }),
  },
  "record.dueForReview": { input: team },
  "export.file": {
    input: async (w) => ({ projectId: await projectOfTeamA(w, "DECIDED", true), format: "madr" }),
  },
  "export.import": {
    input: (w) => ({
      ...team(w),
      document: {
        format: JSON_EXPORT_FORMAT,
        version: JSON_EXPORT_VERSION,
        project: {
          title: "Imported",
          context: "",
          status: "DRAFT",
          votingMode: "OPEN",
          method: "weighted-mean",
          templateKey: null,
        },
        options: [
          { key: "a", name: "A", description: "" },
          { key: "b", name: "B", description: "" },
        ],
        criteria: [{ key: "c", name: "C", description: "", defaultWeight: 3, mustHave: false }],
        votes: null,
        result: null,
        decision: null,
      },
    }),
  },
  "export.folder": {
    input: async (w) => ({
      ...team(w),
      projectId: await projectOfTeamA(w, "DECIDED", true),
      format: "madr",
    }),
  },
  "export.importFolder": {
    input: (w) => ({
      ...team(w),
      dryRun: true,
      files: [
        {
          name: "0001-use-postgresql.md",
          size: 60,
          content: Buffer.from(
            "# 1. Use PostgreSQL\n\nDate: 2026-01-02\n\n## Status\n\nAccepted\n",
          ).toString("base64"),
        },
      ],
    }),
  },
  "tag.set": {
    input: async (w) => ({ projectId: await projectOfTeamA(w, "DECIDED", true), tags: ["data"] }),
  },
  "tag.list": { input: team },
  "share.create": { input: async (w) => ({ projectId: await projectOfTeamA(w, "DECIDED", true) }) },
  "share.list": { input: async (w) => ({ projectId: await projectOfTeamA(w, "DECIDED", true) }) },
  "share.revoke": {
    input: async (w) => {
      const projectId = await projectOfTeamA(w, "DECIDED", true);
      const link = await w.db.shareLink.create({
        data: { projectId, teamId: w.teamA.id, tokenHash: `hash-${projectId}` },
        select: { id: true },
      });
      return { projectId, linkId: link.id };
    },
  },
  "token.list": {
    outsider: {
      check: async (result, world) => {
        const own = await world.db.personalAccessToken.count({ where: { userId: world.owner.id } });
        expect(own).toBeGreaterThanOrEqual(0);
        expect(JSON.stringify(result)).not.toContain(world.owner.id);
      },
    },
  },
  "token.create": {
    input: () => ({ name: "laptop", scope: "READ" }),
    outsider: { ownDataOnly: "Creates a token for the caller's own account." },
  },
  "token.revoke": {
    input: async (w) => {
      const token = await w.db.personalAccessToken.create({
        data: {
          userId: w.owner.id,
          name: "owner's",
          tokenHash: `hash-${Math.random()}`,
          prefix: "tro_x",
        },
        select: { id: true },
      });
      return { tokenId: token.id };
    },
    outsider: { code: "NOT_FOUND" },
  },
});
