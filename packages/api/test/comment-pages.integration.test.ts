import { describe, expect, it } from "vitest";
import { useTestDatabase } from "./helpers";
import { openBlankProject } from "./project-fixtures";

const t = useTestDatabase();

describe("a long discussion", () => {
  it("is read a page at a time, newest first, down to its first comment: none is left out", async () => {
    const { owner, projectId } = await openBlankProject(t, []);
    // More than the 2,000 the list once stopped at, one second apart, oldest first.
    const start = Date.now() - 3_000_000;
    const COUNT = 2_001;
    await t.db.comment.createMany({
      data: Array.from({ length: COUNT }, (_, i) => ({
        projectId,
        authorId: owner.id,
        body: `Comment ${i + 1}`,
        createdAt: new Date(start + i * 1_000),
      })),
    });
    await owner.api.comment.create({ projectId, criterionKey: "ops", body: "On operations" });

    const bodies: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof owner.api.comment.list>> = await owner.api.comment.list(
        { projectId, thread: null, limit: 200, cursor },
      );
      expect(page.items.length).toBeLessThanOrEqual(200);
      expect(page.counts).toEqual({ "": COUNT, ops: 1 });
      // Each page reads oldest first, and comes before the pages already read.
      bodies.unshift(...page.items.map((c) => c.body));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(Math.ceil(COUNT / 200));
    expect(bodies).toHaveLength(COUNT);
    expect(bodies[0]).toBe("Comment 1");
    expect(bodies.at(-1)).toBe(`Comment ${COUNT}`);
    expect(new Set(bodies).size).toBe(COUNT);

    const ops = await owner.api.comment.list({ projectId, thread: "ops" });
    expect(ops.items.map((c) => c.body)).toEqual(["On operations"]);
    expect(ops.nextCursor).toBeNull();
  }, 60_000);
});
