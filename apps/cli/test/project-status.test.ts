import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli";
import {
  BILLING_TEAM,
  oneRecordAnswer,
  recordView,
  type StubAnswer,
  type StubCall,
  withStubServer,
} from "./stub-server";

const team = BILLING_TEAM;
/** Two projects the server keeps as DECIDED, one closed without a record and one recorded; one open. */
const listed = [
  { id: "cm3", number: 3, title: "Queue", status: "DECIDED", recordStatus: "proposed" },
  { id: "cm2", number: 2, title: "Cache", status: "DECIDED", recordStatus: "accepted" },
  { id: "cm1", number: 1, title: "Framework", status: "OPEN", recordStatus: "proposed" },
];

function answer({ procedure, input }: StubCall) {
  if (procedure === "team.list") return { data: [team] };
  if (procedure === "project.list") {
    const status = (input as { status?: string }).status;
    const items = listed.filter((p) => !status || p.status === status);
    return { data: { items, nextCursor: null, total: items.length } };
  }
  if (procedure === "project.close") return { data: { id: "cm1", status: "DECIDED" } };
  if (procedure === "project.get")
    return {
      data: {
        id: "cm1",
        number: 1,
        status: "DECIDED",
        recordStatus: "proposed",
        team: { slug: "billing", name: "Billing" },
      },
    };
  throw new Error(`unexpected ${procedure}`);
}

describe("a project whose voting is closed", () => {
  it("is closed, not decided, after `tradeoff close`: no decision is recorded yet", async () => {
    await withStubServer(answer, async (env) => {
      const json = await runCli(["close", "billing/1", "--json"], { env });
      expect(json.stderr).toBe("");
      expect(JSON.parse(json.stdout)).toEqual({
        ref: "billing/1",
        id: "cm1",
        number: 1,
        status: "closed",
      });
      const text = await runCli(["close", "billing/1"], { env });
      expect(text.stdout).toBe(
        "Voting on billing/1 is closed. Record the outcome with `tradeoff decide billing/1 --option KEY --rationale TEXT`.\n",
      );
    });
  });

  it("is listed as closed, and only a recorded one as decided; --status tells them apart", async () => {
    await withStubServer(answer, async (env) => {
      const all = await runCli(["projects", "--json"], { env });
      expect(all.stderr).toBe("");
      expect(
        (JSON.parse(all.stdout) as { ref: string; status: string }[]).map((p) => [p.ref, p.status]),
      ).toEqual([
        ["billing/3", "closed"],
        ["billing/2", "decided"],
        ["billing/1", "open"],
      ]);
      const closed = await runCli(["projects", "--status", "closed"], { env });
      expect(closed.stdout).toBe("PROJECT    STATUS  TITLE\nbilling/3  closed  Queue\n");
      const decided = await runCli(["projects", "--status", "decided"], { env });
      expect(decided.stdout).toBe("PROJECT    STATUS   TITLE\nbilling/2  decided  Cache\n");
    });
  });
});

describe("tradeoff close on a project whose voting is not open", () => {
  const projects = [
    ...listed,
    { id: "cm6", number: 6, title: "Search", status: "DRAFT", recordStatus: "proposed" },
    { id: "cm7", number: 7, title: "Old cache", status: "ARCHIVED", recordStatus: "deprecated" },
  ];
  function answerRefused({ procedure, input }: StubCall): StubAnswer {
    if (procedure === "team.list") return { data: [team] };
    if (procedure === "project.list")
      return { data: { items: projects, nextCursor: null, total: projects.length } };
    const project = projects.find((p) => p.id === (input as { projectId: string }).projectId);
    if (procedure === "project.get") return { data: { ...project, team } };
    if (procedure === "project.close")
      return {
        error: {
          // The server's own words (change-status.ts), which the CLI says in its commands.
          message:
            project?.status === "DRAFT"
              ? "Voting on this decision has not opened, so there is nothing to close. Open it for voting first."
              : project?.status === "ARCHIVED"
                ? "This decision is archived: nothing to close."
                : "Voting on this decision is already closed: nothing to close. Record the outcome on its record page.",
          code: "CONFLICT",
          httpStatus: 409,
        },
      };
    throw new Error(`unexpected ${procedure}`);
  }

  it("says the state it is in and what can be done instead, with exit code 5", async () => {
    await withStubServer(answerRefused, async (env) => {
      const expected = {
        "billing/2":
          "billing/2 is already decided: nothing to close. Change its record with `tradeoff revise billing/2`, or supersede it with a new decision (`tradeoff supersede billing/2 --by PROJECT`).",
        "billing/3":
          "Voting on billing/3 is already closed: nothing to close. Record the outcome with `tradeoff decide billing/3 --option KEY --rationale TEXT`.",
        "billing/6":
          "billing/6 is a draft: voting has not opened, so there is nothing to close. Open it for voting with `tradeoff open billing/6`.",
        "billing/7": "billing/7 is archived: nothing to close.",
      };
      for (const [ref, message] of Object.entries(expected)) {
        const run = await runCli(["close", ref], { env });
        expect(run.code, ref).toBe(5);
        expect(run.stdout, ref).toBe("");
        expect(run.stderr, ref).toBe(`tradeoff: ${message}\n`);
      }
      const json = await runCli(["close", "billing/2", "--json"], { env });
      expect(json.code).toBe(5);
      expect(JSON.parse(json.stderr)).toEqual({
        error: { message: expected["billing/2"], exitCode: 5 },
      });
    });
  });
});

describe("a record imported from a docs/decisions folder as only proposed", () => {
  // The file said "Status: proposed": the server keeps it DECIDED with a record, but the record
  // status (MADR's word, as the web app and the exports say it) is proposed: nothing is decided.
  const imported = { id: "cm4", number: 4, title: "Broker", status: "DECIDED" };
  const view = recordView(imported, {
    source: { format: "madr", fileName: "0004-broker.md", status: "proposed", body: [""] },
  });

  it("is closed both in `tradeoff projects` and in `tradeoff show`, naming the proposed option", async () => {
    await withStubServer(oneRecordAnswer(imported, view, "proposed"), async (env) => {
      const listedText = await runCli(["projects"], { env });
      expect(listedText.stdout).toBe("PROJECT    STATUS  TITLE\nbilling/4  closed  Broker\n");
      const shown = await runCli(["show", "billing/4"], { env });
      expect(shown.stderr).toBe("");
      expect(shown.stdout.split("\n")[0]).toBe("billing/4 Broker (closed; proposed: Kafka)");
    });
  });
});

/**
 * What `tradeoff show` prints for `project`, recorded (accepted) as `view` says; fails the test
 * on any error output.
 */
async function shown(project: { number: number }, view: unknown) {
  return withStubServer(oneRecordAnswer(project, view), async (env) => {
    const run = await runCli(["show", `billing/${project.number}`], { env });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    return run.stdout;
  });
}

/** Text with every run of white space folded to one space, as a reader takes wrapped lines. */
const folded = (text: string) => text.replace(/\s+/g, " ");

describe("a record imported from a docs/decisions folder", () => {
  it("is shown with its decision and no recommendation: it has no criteria, nobody scored it", async () => {
    // adr-tools names no options: the decision itself is the record's one option.
    const project = { id: "cm5", number: 5, title: "Use Kafka", status: "DECIDED" };
    const view = recordView(project, {
      options: [{ key: "decision", name: "Use Kafka" }],
      criteria: [],
      decision: { chosenOptionKey: "decision" },
      source: { format: "nygard", fileName: "0005-use-kafka.md", status: "Accepted", body: [""] },
    });
    expect(await shown(project, view)).toBe(
      "billing/5 Use Kafka (decided: Use Kafka)\n\nNo recommendation: this record was imported from 0005-use-kafka.md and nobody scored it in Tradeoff.\n",
    );
  });
});

describe("a decision recorded against the team's recommendation", () => {
  it("says so in `tradeoff show`, and why no reason is on record after a blind vote", async () => {
    const project = { id: "cm6", number: 6, title: "Broker", status: "DECIDED" };
    const vote = { weight: 3, criterionKey: "ops", rationale: null, updatedAt: "2026-12-01" };
    const view = recordView(project, {
      project: { ...project, method: "weighted-mean", votingMode: "BLIND" },
      // Both voters scored NATS higher, and Kafka was recorded without a reason.
      votes: [
        { ...vote, memberId: "a", member: "Ada", scores: { kafka: 2, nats: 5 } },
        { ...vote, memberId: "b", member: "Bo", scores: { kafka: 1, nats: 4 } },
      ],
      participation: { complete: 2, partial: 0, none: 0, eligible: 2, quorum: null },
      decision: { chosenOptionKey: "kafka", recommendedKey: "nats", justification: null },
    });
    expect(folded(await shown(project, view))).toContain(
      "The team's recommendation was NATS; the team chose otherwise with no reason on record: the vote was blind, so the recommendation was not known when the decision was recorded.",
    );
  });
});

describe("`tradeoff show` of a recorded decision", () => {
  const project = { id: "cm7", number: 7, title: "Broker", status: "DECIDED" };
  const vote = { weight: 3, criterionKey: "ops", rationale: null, updatedAt: "2026-12-01" };
  // Every member's ballot is complete now; when the decision was recorded only Ada's was.
  const votes = [
    { ...vote, memberId: "a", member: "Ada", scores: { kafka: 5, nats: 2 } },
    { ...vote, memberId: "b", member: "Bo", scores: { kafka: 4, nats: 3 } },
    { ...vote, memberId: "c", member: "Cy", scores: { kafka: 4, nats: 1 } },
  ];

  it("says the coverage the decision was recorded with, not today's", async () => {
    const view = recordView(project, {
      votes,
      participation: { complete: 1, partial: 2, none: 0, eligible: 3, quorum: null },
      decision: {
        chosenOptionKey: "kafka",
        coverage: {
          counted: 1,
          total: 1,
          voted: 3,
          complete: 1,
          eligible: 3,
          weightShare: 1,
          status: "provisional",
        },
      },
    });
    const text = folded(await shown(project, view));
    expect(text).toContain(
      "Decided with 1 of 1 criterion counted, on 1 complete and 2 partial ballots of 3 members. It was provisional when recorded: every criterion was scored, but too few ballots were complete.",
    );
    expect(text).not.toContain("Ready:");
  });

  it("shows a quorum above the team's size as the number that was set", async () => {
    const view = recordView(project, {
      votes,
      participation: {
        complete: 3,
        partial: 0,
        none: 0,
        eligible: 3,
        quorum: 3,
        quorumAsSet: 5,
      },
      decision: { chosenOptionKey: "kafka" },
    });
    const text = folded(await shown(project, view));
    expect(text).toContain(
      "(quorum 5, more than the team's 3 members: every member's ballot is needed; met)",
    );
    expect(text).not.toContain("quorum 3");
  });
});

describe("`tradeoff show` of a result that leaves out stored votes the server cannot read", () => {
  const vote = { weight: 3, criterionKey: "ops", rationale: null, updatedAt: "2026-12-01" };
  const votes = [{ ...vote, memberId: "a", member: "Ada", scores: { kafka: 5, nats: 2 } }];
  const participation = { complete: 1, partial: 0, none: 1, eligible: 2, quorum: null };

  /** What `show` prints of an open decision with `unreadableVotes` of its stored votes left out. */
  const openShown = async (unreadableVotes: number) => {
    const project = { id: "cm8", number: 8, title: "Broker", status: "OPEN" };
    const view = recordView(project, {
      votes,
      participation,
      unreadableVotes,
      decision: null,
      draft: true,
    });
    return folded(await shown(project, view));
  };

  it("says so after the coverage of an open decision", async () => {
    expect(await openShown(1)).toContain(
      "and 1 of 2 complete ballots (no quorum set: every member's ballot is needed). 1 vote could not be read and is left out.",
    );
  });

  /** What `show` prints of a decision recorded with `then` unreadable votes (absent: not kept), `now` today. */
  const recordedShown = async (then: number | undefined, now: number) => {
    const project = { id: "cm9", number: 9, title: "Broker", status: "DECIDED" };
    const view = recordView(project, {
      votes,
      participation,
      unreadableVotes: now,
      decision: {
        chosenOptionKey: "kafka",
        coverage: {
          counted: 1,
          total: 1,
          voted: 1,
          complete: 1,
          eligible: 2,
          weightShare: 1,
          status: "provisional",
          ...(then === undefined ? {} : { unreadableVotes: then }),
        },
      },
    });
    return folded(await shown(project, view));
  };
  const decided =
    "Decided with 1 of 1 criterion counted, on 1 complete ballot of 2 members. It was provisional when recorded: every criterion was scored, but too few ballots were complete.";

  it("says after the coverage a decision was recorded with how many were left out then", async () => {
    expect(await recordedShown(2, 2)).toContain(
      `${decided} When recorded, 2 votes could not be read and were left out.`,
    );
  });

  it("says today's count as today's when it is not the one the decision was recorded with", async () => {
    expect(await recordedShown(2, 0)).toContain(
      `${decided} When recorded, 2 votes could not be read and were left out. Every stored vote can be read now.`,
    );
    expect(await recordedShown(0, 1)).toContain(
      `${decided} Every stored vote could be read when recorded. 1 stored vote cannot be read now and is left out.`,
    );
  });

  it("says only today's count of a decision recorded before the count was kept", async () => {
    const text = await recordedShown(undefined, 2);
    expect(text).toContain(`${decided} 2 stored votes cannot be read now and are left out.`);
    expect(text).not.toContain("When recorded");
  });

  it("says nothing of it when every stored vote was read", async () => {
    const text = await openShown(0);
    expect(text).toContain("and 1 of 2 complete ballots");
    expect(text).not.toContain("could not be read");
  });
});
