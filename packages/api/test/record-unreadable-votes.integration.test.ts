import { describe, expect, it } from "vitest";
import { useTestDatabase } from "./helpers";
import {
  exportedText,
  recordDecision,
  teamWith,
  twoVotersOnBlankProject,
} from "./project-fixtures";

const t = useTestDatabase();

const DECIDED =
  "Decided with 2 of 2 criteria counted, on 1 complete and 1 partial ballots of 3 members.";
const PROVISIONAL =
  "It was provisional when recorded: every criterion was scored, but too few ballots were complete.";

/** `twoVotersOnBlankProject`, with the steps these tests take: record, read, share. */
async function twoVoters() {
  const voted = await twoVotersOnBlankProject(t);
  const { setup, member, projectId } = voted;
  const record = () => recordDecision(setup.owner, projectId, "sqs", "It leads.");
  /** The coverage line of the record's Markdown export (MADR), as a reader sees it. */
  const markdownLine = async () => {
    const text = await exportedText(member.api, projectId, "madr");
    return text.slice(text.indexOf("Decided with"));
  };
  const shared = async () => {
    const link = await setup.owner.api.share.create({ projectId });
    return t.callerAs(null).share.view({ token: link.token });
  };
  return { ...voted, record, markdownLine, shared };
}

describe("a recorded decision's unreadable votes", () => {
  it("are the count of when it was recorded, even once they can be read", async () => {
    const p = await twoVoters();
    await p.unreadable();
    await p.record();
    await p.readable();

    const { view } = await p.member.api.record.get({ projectId: p.projectId });
    expect(view.decision?.coverage?.unreadableVotes).toBe(1);
    expect(view.unreadableVotes).toBe(0);
    const shared = await p.shared();
    expect(shared.decision?.coverage?.unreadableVotes).toBe(1);
    expect(shared.unreadableVotes).toBe(0);
    // With the second member's vote unreadable, the decision rested on the first one's ballot.
    expect(await p.markdownLine()).toContain(
      "Decided with 2 of 2 criteria counted, on 1 complete ballot of 3 members. It was provisional when recorded: every criterion was scored, but too few ballots were complete. When recorded, 1 vote could not be read and was left out. Every stored vote can be read now.",
    );
  });

  it("say none were left out when recorded, and today's count as today's", async () => {
    const p = await twoVoters();
    await p.record();
    await p.unreadable();

    const { view } = await p.member.api.record.get({ projectId: p.projectId });
    expect(view.decision?.coverage?.unreadableVotes).toBe(0);
    expect(view.unreadableVotes).toBe(1);
    expect((await p.shared()).decision?.coverage?.unreadableVotes).toBe(0);
    expect(await p.markdownLine()).toContain(
      `${DECIDED} ${PROVISIONAL} Every stored vote could be read when recorded. 1 stored vote cannot be read now and is left out.`,
    );
  });

  it("of a record kept before the count was, are said as today's only", async () => {
    const p = await twoVoters();
    await p.record();
    await p.unreadable();
    await t.db.$executeRaw`UPDATE decision_records SET coverage = coverage - 'unreadableVotes'
      WHERE project_id = ${p.projectId}`;

    const { view } = await p.member.api.record.get({ projectId: p.projectId });
    expect(view.decision?.coverage).not.toBeNull();
    expect(view.decision?.coverage?.unreadableVotes).toBeUndefined();
    const line = await p.markdownLine();
    expect(line).toContain(
      `${DECIDED} ${PROVISIONAL} 1 stored vote cannot be read now and is left out.`,
    );
    expect(line).not.toContain("When recorded");
    expect(line).not.toContain("could be read when recorded");
  });

  it("come with the JSON export, so the imported record says the same line", async () => {
    const p = await twoVoters();
    await p.unreadable();
    await p.record();
    const line =
      "Decided with 2 of 2 criteria counted, on 1 complete ballot of 3 members. It was provisional when recorded: every criterion was scored, but too few ballots were complete. When recorded, 1 vote could not be read and was left out.";
    expect(await p.markdownLine()).toContain(line);

    const doc = JSON.parse(
      (await p.member.api.export.file({ projectId: p.projectId, format: "json" })).content,
    );
    expect(doc.decision.coverage.unreadableVotes).toBe(1);
    const other = await teamWith(t);
    const created = await other.owner.api.export.import({ teamId: other.team.id, document: doc });
    const imported = await exportedText(other.owner.api, created.id, "madr");
    expect(imported).toContain(line);
    expect(imported).not.toContain("can be read now");
  });
});
