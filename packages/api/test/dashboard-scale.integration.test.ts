import { describe, expect, it } from "vitest";
import {
  DASHBOARD_DEADLINES_SHOWN,
  DASHBOARD_PENDING_SHOWN,
  DASHBOARD_ROWS_PER_STATUS,
} from "../src/services/dashboard/get-dashboard";
import { useTestDatabase } from "./helpers";
import { at, blankInput, castOnBothCriteria, openProject, teamWith } from "./project-fixtures";

const t = useTestDatabase();

/** More open decisions than any list of the dashboard shows, each with a deadline. */
const OPEN =
  Math.max(DASHBOARD_ROWS_PER_STATUS, DASHBOARD_PENDING_SHOWN, DASHBOARD_DEADLINES_SHOWN) + 1;

describe("the dashboard of a team with many decisions", () => {
  it("shows the latest of each list with how many there are in all, the rest a page at a time", async () => {
    const { team, owner } = await teamWith(t, ["MEMBER"]);
    const ids: string[] = [];
    for (let i = 1; i <= OPEN; i++) {
      const deadline = new Date(Date.now() + i * 86_400_000);
      ids.push(await openProject(owner, blankInput(team.id, { title: `Open ${i}`, deadline })));
    }
    await owner.api.project.create(blankInput(team.id, { title: "A draft" }));

    const dashboard = await owner.api.dashboard.get({ teamId: team.id });
    expect(dashboard.counts).toMatchObject({ OPEN, DRAFT: 1, DECIDED: 0 });
    expect(dashboard.total).toBe(OPEN + 1);
    const open = dashboard.projects.filter((p) => p.status === "OPEN");
    expect(open).toHaveLength(DASHBOARD_ROWS_PER_STATUS);
    // The most recently changed first: the first decision opened is the one left out.
    expect(open.map((p) => p.title)).not.toContain("Open 1");
    expect(dashboard.pendingVotes).toHaveLength(DASHBOARD_PENDING_SHOWN);
    expect(dashboard.pendingTotal).toBe(OPEN);
    expect(dashboard.deadlines).toHaveLength(DASHBOARD_DEADLINES_SHOWN);
    expect(dashboard.deadlineTotal).toBe(OPEN);
    expect(dashboard.deadlines[0]?.title).toBe("Open 1");

    // The rest of the open decisions are reached through the list, a page at a time.
    const first = await owner.api.project.list({ teamId: team.id, status: "OPEN", limit: 10 });
    expect(first).toMatchObject({ total: OPEN });
    expect(first.items).toHaveLength(10);
    expect(first.nextCursor).not.toBeNull();
    const second = await owner.api.project.list({
      teamId: team.id,
      status: "OPEN",
      limit: 10,
      cursor: first.nextCursor,
    });
    expect(second.nextCursor).toBeNull();
    const listed = [...first.items, ...second.items].map((p) => p.id);
    expect(new Set(listed).size).toBe(OPEN);
    expect(listed.sort()).toEqual([...ids].sort());

    // A finished ballot leaves the pending list, and its count.
    const lastOpened = ids.at(-1) ?? "";
    await castOnBothCriteria(owner, lastOpened, { weight: 3, scores: { kafka: 4, sqs: 2 } });
    const after = await owner.api.dashboard.get({ teamId: team.id });
    expect(after.pendingTotal).toBe(OPEN - 1);
    expect(after.pendingVotes.map((p) => p.id)).not.toContain(lastOpened);
    const row = after.projects.find((p) => p.id === lastOpened);
    expect(row).toMatchObject({ myBallot: "complete", leader: { optionKey: "kafka" } });
  }, 120_000);

  it("pages a search, a tag and a record status, and says how many match in all", async () => {
    const { team, owner } = await teamWith(t);
    for (let i = 1; i <= 5; i++) {
      const { id } = await owner.api.project.create(blankInput(team.id, { title: `Queue ${i}` }));
      if (i % 2) await owner.api.tag.set({ projectId: id, tags: ["billing"] });
    }
    await owner.api.project.create(blankInput(team.id, { title: "A cache", context: "Memory." }));
    const pages = async (input: { q?: string; tag?: string; recordStatus?: "proposed" }) => {
      const titles: string[] = [];
      let cursor: number | null = null;
      let total = -1;
      do {
        const page: Awaited<ReturnType<typeof owner.api.project.list>> =
          await owner.api.project.list({ teamId: team.id, limit: 2, cursor, ...input });
        expect(page.items.length).toBeLessThanOrEqual(2);
        titles.push(...page.items.map((p) => p.title));
        total = page.total;
        cursor = page.nextCursor;
      } while (cursor !== null);
      return { titles, total };
    };
    expect(await pages({ q: "queue" })).toEqual({
      titles: ["Queue 5", "Queue 4", "Queue 3", "Queue 2", "Queue 1"],
      total: 5,
    });
    expect(await pages({ tag: "billing" })).toEqual({
      titles: ["Queue 5", "Queue 3", "Queue 1"],
      total: 3,
    });
    expect(await pages({ recordStatus: "proposed", q: "queue" })).toEqual({
      titles: ["Queue 5", "Queue 4", "Queue 3", "Queue 2", "Queue 1"],
      total: 5,
    });
  }, 60_000);

  it("lists a decision whose stored data cannot be scored as unreadable, and the others as usual", async () => {
    const { team, owner, people } = await teamWith(t, ["MEMBER"]);
    const member = at(people, 1);
    const good = await openProject(owner, blankInput(team.id, { title: "Good" }));
    const bad = await openProject(owner, blankInput(team.id, { title: "Bad" }));
    for (const projectId of [good, bad]) {
      await castOnBothCriteria(member, projectId, { weight: 3, scores: { kafka: 2, sqs: 5 } });
    }
    // Written around the API, which refuses more than 30 criteria.
    await t.db.criterion.createMany({
      data: Array.from({ length: 58 }, (_, i) => ({
        projectId: bad,
        key: `extra${i}`,
        name: `Extra ${i}`,
        defaultWeight: 3,
        position: 10 + i,
      })),
    });

    const dashboard = await member.api.dashboard.get({ teamId: team.id });
    const byTitle = Object.fromEntries(dashboard.projects.map((p) => [p.title, p]));
    expect(byTitle.Good).toMatchObject({ unreadable: null, leader: { optionKey: "sqs" } });
    expect(byTitle.Bad).toMatchObject({ leader: null });
    expect(byTitle.Bad?.unreadable).toMatch(/criteria/);
  });
});
