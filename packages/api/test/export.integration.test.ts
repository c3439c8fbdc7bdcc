import { addMember, createUser } from "@tradeoff/db/testing";
import { parse as parseCsv } from "csv-parse/sync";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { exportRecordStream } from "../src/services/export/export-record";
import { trpcError, useTestDatabase } from "./helpers";
import {
  at,
  blankInput,
  castVote,
  drfInput,
  exportedText,
  openProject,
  ownerAnd,
  readableText,
  recordDecision,
  teamWith,
} from "./project-fixtures";

const t = useTestDatabase();

/** The built-in DRF vs FastAPI decision, voted on by two members and recorded. */
async function decidedDrf(rationale = "the team scored it higher where it matters.") {
  const setup = await teamWith(t, ["MEMBER"]);
  const projectId = await openProject(setup.owner, drfInput(setup.team.id));
  const project = await setup.owner.api.project.get({ projectId });
  const keys = project.criteria.map((c) => c.key);
  for (const [i, person] of [at(setup.people, 0), at(setup.people, 1)].entries()) {
    for (const criterionKey of keys.slice(0, 3)) {
      await castVote(person, projectId, criterionKey, {
        weight: 3 + i,
        scores: { drf: 2, fastapi: 4 + i },
        rationale: i === 0 ? `Typed models, says ${person.name}, "really".` : null,
      });
    }
  }
  // The second member has no opinion on the fourth criterion: a mark, not a number.
  await castVote(at(setup.people, 1), projectId, keys[3] ?? "", {
    weight: null,
    scores: {},
    noOpinion: true,
  });
  // Three of the template's criteria scored: a provisional result, recorded knowingly.
  await recordDecision(setup.owner, projectId, "fastapi", rationale, {
    consequences: { good: ["Typed request models."], neutral: [], bad: ["No admin."] },
    informed: [{ name: "Support" }],
    reviewDate: new Date("2027-06-01T00:00:00Z"),
  });
  return { ...setup, projectId };
}

const day = (iso: string) => iso.slice(0, 10);

const decode = (file: { encoding: string; content: string }) =>
  file.encoding === "base64" ? Buffer.from(file.content, "base64") : file.content;

/** The owner records FastAPI (knowingly provisional) and exports the decision as JSON. */
async function recordFastapiAndExport(
  owner: { id: string; api: ReturnType<typeof t.callerAs> },
  projectId: string,
) {
  await recordDecision(owner, projectId, "fastapi", "it fits our async services.");
  return JSON.parse((await owner.api.export.file({ projectId, format: "json" })).content);
}

describe("exports of a recorded decision", () => {
  it("MADR: named NNNN-title, YAML front matter parsed back, every section present", async () => {
    const { owner, people, projectId } = await decidedDrf();
    const viewer = at(people, 1);
    const file = await viewer.api.export.file({ projectId, format: "madr" });
    expect(file.fileName).toBe("0001-django-rest-framework-or-fastapi.md");
    const [, yaml, body] = file.content.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/) ?? [];
    expect(parseYaml(yaml ?? "")).toEqual({
      status: "accepted",
      date: new Date().toISOString().slice(0, 10),
      "decision-makers": [owner.name],
      informed: ["Support"],
    });
    for (const heading of [
      "## Context and Problem Statement",
      "## Decision Drivers",
      "## Considered Options",
      "## Decision Outcome",
      "### Consequences",
      "## Pros and Cons of the Options",
      "## More Information",
    ]) {
      expect(body).toContain(`\n${heading}\n`);
    }
    expect(body).toContain('Chosen option: "FastAPI", because the team scored it higher');
    expect(body).toContain(
      "Participation when it was decided: 0 complete, 2 partial and 0 not started, of 2 members.",
    );
    // Ten of the template's criteria were never scored: "not scored", never a neutral 3.0.
    expect(body).toMatch(/\| not scored \| not scored \| not scored \|/);
    expect(body).not.toContain("| 3.0 |");
  });

  it("PDF: A4 and Letter, with selectable text of the title, outcome and participation", async () => {
    const { owner, projectId } = await decidedDrf();
    for (const [paper, width] of [
      ["a4", 595],
      ["letter", 612],
    ] as const) {
      const file = await owner.api.export.file({ projectId, format: "pdf", paper });
      expect(file.mimeType).toBe("application/pdf");
      const pdf = await getDocumentProxy(new Uint8Array(decode(file) as Buffer));
      const page = await pdf.getPage(1);
      expect(Math.round(page.view[2] ?? 0)).toBe(width);
      const { text } = await extractText(pdf, { mergePages: true });
      expect(text).toContain("We will use FastAPI, because the team scored it higher");
      expect(text).toContain("0 complete, 2 partial and 0 not started, of 2 members");
      expect(text).toMatch(
        /Decided with 3 of \d+ criteria counted, on 0 complete and 2 partial ballots of 2 members\./,
      );
      expect(text).toMatch(/Totals \(0 to 100\)/);
      expect(text).toContain("vote changes");
    }
  });

  it("Nygard and PDF print the rationale's first word as typed", async () => {
    const { owner, projectId } = await decidedDrf("FastAPI fits our typed, async services.");
    const nygard = await owner.api.export.file({ projectId, format: "nygard" });
    expect(nygard.content).toContain(
      "We will use FastAPI, because FastAPI fits our typed, async services.",
    );
    const madr = await owner.api.export.file({ projectId, format: "madr" });
    expect(madr.content).toContain(
      'Chosen option: "FastAPI", because FastAPI fits our typed, async services.',
    );
    const file = await owner.api.export.file({ projectId, format: "pdf" });
    const text = await readableText("pdf", file.content);
    expect(text).toContain("We will use FastAPI, because FastAPI fits our typed, async services.");
  });

  it("CSV: one row per vote with a column per option, and the event history", async () => {
    const { owner, projectId } = await decidedDrf();
    const votesFile = (await owner.api.export.file({ projectId, format: "csv" })).content;
    const votes = parseCsv(votesFile, { columns: true, bom: true }) as Record<string, string>[];
    expect(votes).toHaveLength(7);
    expect(votes.find((v) => v.member === "Olivia Owner")).toMatchObject({
      member: "Olivia Owner",
      importance: "3",
      drf: "2",
      fastapi: "4",
      no_opinion: "false",
      rationale: 'Typed models, says Olivia Owner, "really".',
    });
    expect(votes.filter((v) => v.no_opinion === "true")).toEqual([
      expect.objectContaining({ importance: "", drf: "", fastapi: "" }),
    ]);
    const eventsFile = (await owner.api.export.file({ projectId, format: "csv", table: "events" }))
      .content;
    // Both files start with a UTF-8 byte order mark, for spreadsheet programs.
    expect([votesFile.charAt(0), eventsFile.charAt(0)]).toEqual(["\ufeff", "\ufeff"]);
    const events = parseCsv(eventsFile, { columns: true, bom: true }) as Record<string, string>[];
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(["project.created", "vote.cast", "decision.recorded"]),
    );
    expect(
      JSON.parse(events.find((e) => e.type === "decision.recorded")?.data ?? "{}"),
    ).toMatchObject({ chosenOptionKey: "fastapi" });
  });

  it("a recorded decision's participation rests on who could vote when it was decided, and says so", async () => {
    const setup = await decidedDrf();
    const { owner, projectId } = setup;
    const json = async () =>
      JSON.parse((await owner.api.export.file({ projectId, format: "json" })).content);
    const before = await json();
    expect(before.participation).toMatchObject({ complete: 0, partial: 2, none: 0, eligible: 2 });
    // Since the decision, one who voted left the team and two people joined it.
    await t.db.membership.delete({
      where: { teamId_userId: { teamId: setup.team.id, userId: at(setup.people, 1).id } },
    });
    for (const name of ["Nia Newcomer", "Noel Newcomer"]) {
      const user = await createUser(t.db, { name });
      await addMember(t.db, setup.team.id, user.id, "MEMBER");
    }
    const after = await json();
    expect(after.participation).toEqual(before.participation);
    expect(after.participation).toMatchObject({ basis: "decision" });
    const madr = (await owner.api.export.file({ projectId, format: "madr" })).content;
    expect(madr).toContain(
      "Participation when it was decided: 0 complete, 2 partial and 0 not started, of 2 members.",
    );
    expect(await exportedText(owner.api, projectId, "pdf")).toContain(
      "When it was decided: 0 complete, 2 partial and 0 not started, of 2 members",
    );
  });

  it("an undecided project exports as a draft, clearly marked", async () => {
    const setup = await teamWith(t);
    const { id } = await setup.owner.api.project.create(
      blankInput(setup.team.id, { title: "Kafka / SQS: *which*?" }),
    );
    const file = await setup.owner.api.export.file({ projectId: id, format: "madr" });
    expect(file.fileName).toBe("0001-kafka-sqs-which.md");
    expect(file.content).toContain("status: proposed");
    expect(file.content).toContain("> **Draft.**");
  });

  it("a blind project that is still open reveals no votes and no result", async () => {
    const setup = await teamWith(t, ["MEMBER"]);
    const { id: projectId } = await setup.owner.api.project.create(
      blankInput(setup.team.id, { votingMode: "BLIND" }),
    );
    await setup.owner.api.project.open({ projectId });
    await castVote(at(setup.people, 1), projectId, "ops", {
      weight: 5,
      scores: { kafka: 1, sqs: 5 },
      rationale: "secret reason",
    });
    const json = JSON.parse(
      (await setup.owner.api.export.file({ projectId, format: "json" })).content,
    );
    expect(json.votes).toBeNull();
    expect(json.result).toBeNull();
    expect(JSON.stringify(json.events)).not.toContain("secret reason");
    // No votes CSV that would read as "nobody voted": refused, saying why.
    const csv = await trpcError(setup.owner.api.export.file({ projectId, format: "csv" }));
    expect(csv.message).toMatch(/votes stay hidden until it closes/);
    // The recommendation is hidden too, and said to be: not "none", as if there were none.
    const madr = (await setup.owner.api.export.file({ projectId, format: "madr" })).content;
    expect(madr).toContain(
      "Not yet decided: the recommendation stays hidden until this blind vote closes.",
    );
    expect(madr).not.toContain("No option is chosen yet.");
    const flat = await exportedText(setup.owner.api, projectId, "pdf");
    expect(flat).toContain(
      "Not yet decided: the recommendation stays hidden until this blind vote closes.",
    );
    expect(flat).not.toContain("Recommended (not yet decided): none");
  });
});

describe("JSON export and import", () => {
  it("round trip: importing into another team recreates the project, votes archived, equal on export", async () => {
    const { owner, projectId } = await decidedDrf();
    const first = JSON.parse((await owner.api.export.file({ projectId, format: "json" })).content);
    expect(first).toMatchObject({ format: "tradeoff.decision-record", version: 1, draft: false });
    expect(first.events.length).toBeGreaterThan(6);

    const other = await teamWith(t);
    const created = await other.owner.api.export.import({ teamId: other.team.id, document: first });
    expect(created.status).toBe("DECIDED");
    const second = JSON.parse(
      (await other.owner.api.export.file({ projectId: created.id, format: "json" })).content,
    );

    const comparable = (doc: typeof first) => ({
      project: {
        ...doc.project,
        number: 0,
        createdAt: 0,
        openedAt: 0,
        closedAt: 0,
        round: 0,
        url: 0,
        status: 0,
      },
      options: doc.options,
      criteria: doc.criteria,
      votes: doc.votes,
      result: doc.result,
      coverage: doc.coverage,
      status: doc.status,
      decision: {
        ...doc.decision,
        // Who imported it, and when, is the importing team's own.
        imported: 0,
        decisionMakers: doc.decision.decisionMakers.map((p: { name: string }) => p.name),
      },
    });
    expect(comparable(second)).toEqual(comparable(first));
    // No-opinion marks and the coverage the decision was recorded with come through exactly.
    expect(second.votes.filter((v: { noOpinion: boolean }) => v.noOpinion)).toHaveLength(1);
    expect(second.decision.coverage).toMatchObject({ counted: 3, status: "provisional" });
    expect(second.decision.coverage).toEqual(first.decision.coverage);
    // The archive is read-only: nobody of the new team has a live vote on it.
    expect(await t.db.vote.count({ where: { projectId: created.id } })).toBe(0);
  });

  it("an imported record keeps who decided and approved, says who imported it, and counts members once", async () => {
    // Three voting members, two of whom voted.
    const setup = await teamWith(t, ["MEMBER", "MEMBER"]);
    const projectId = await openProject(setup.owner, drfInput(setup.team.id));
    const { criteria } = await setup.owner.api.project.get({ projectId });
    for (const person of [at(setup.people, 0), at(setup.people, 1)])
      await castVote(person, projectId, criteria[0]?.key ?? "", {
        weight: 3,
        scores: { drf: 2, fastapi: 4 },
      });
    const doc = await recordFastapiAndExport(setup.owner, projectId);
    // Approvals as a record accepted from a shared draft exports them.
    doc.decision.approvals = [{ name: "Ada Approver", at: "2026-12-03T10:00:00.000Z" }];
    const decidedOn = day(doc.decision.decidedAt);

    const archive = await ownerAnd(t, { name: "Cy Importer", role: "MEMBER" }, "Archive");
    const cy = t.callerAs(archive.other);
    const created = await cy.export.import({
      teamId: archive.team.id,
      document: doc,
    });
    const madr = (await cy.export.file({ projectId: created.id, format: "madr" })).content;
    const today = new Date().toISOString().slice(0, 10);
    expect(madr).toContain(
      `Recorded by ${setup.owner.name} (from the imported file) on ${decidedOn}. Imported from a JSON export by Cy Importer on ${today}.`,
    );
    expect(madr).toContain("Approved by Ada Approver (2026-12-03) (from the imported file).");
    expect(madr).toContain(
      "Participation when it was decided (from the imported file): 0 complete, 2 partial and 1 not started, of 3 members. Decided with 1 of",
    );
    expect(madr).toMatch(
      /Decided with 1 of \d+ criteria counted, on 0 complete and 2 partial ballots of 3 members\./,
    );
    const again = JSON.parse(
      (await cy.export.file({ projectId: created.id, format: "json" })).content,
    );
    expect(again.decision).toMatchObject({
      decidedBy: setup.owner.name,
      approvals: [{ name: "Ada Approver", at: "2026-12-03T10:00:00.000Z" }],
      imported: { by: "Cy Importer" },
    });
    expect(again.participation).toMatchObject({ complete: 0, partial: 2, none: 1, eligible: 3 });
  });

  it("a tampered file naming teammates as recorder and approvers reads as the file's word in every format", async () => {
    const setup = await teamWith(t, ["MEMBER"]);
    const projectId = await openProject(setup.owner, drfInput(setup.team.id));
    const doc = await recordFastapiAndExport(setup.owner, projectId);
    // A member edits the file so that the team's owner recorded it and an admin approved it.
    const archive = await ownerAnd(t, { name: "Mo Member", role: "MEMBER" }, "Archive");
    doc.decision.decidedBy = "Olive Owner";
    doc.decision.approvals = [{ name: "Olive Owner", at: "2026-12-03T10:00:00.000Z" }];
    const mo = t.callerAs(archive.other);
    const created = await mo.export.import({ teamId: archive.team.id, document: doc });
    const today = new Date().toISOString().slice(0, 10);
    const decidedOn = day(doc.decision.decidedAt);
    const recorded = `Recorded by Olive Owner (from the imported file) on ${decidedOn}.`;
    const imported = `Imported from a JSON export by Mo Member on ${today}.`;
    const approved = "Approved by Olive Owner (2026-12-03) (from the imported file).";
    for (const format of ["madr", "log4brains", "nygard", "pdf"] as const) {
      const text = await exportedText(mo, created.id, format);
      expect(text, format).toContain(`${recorded} ${imported}`);
      expect(text, format).toContain(approved);
    }
    const pdfText = await exportedText(mo, created.id, "pdf");
    expect(pdfText).toContain(`Decision-makers: ${setup.owner.name} (from the imported file)`);
    const json = JSON.parse(
      (await mo.export.file({ projectId: created.id, format: "json" })).content,
    );
    expect(json.decision).toMatchObject({
      decidedBy: "Olive Owner",
      imported: { by: "Mo Member" },
    });
    // The front matter says so too, in YAML that MADR tools read: its lists stay lists of names.
    const madr = (await mo.export.file({ projectId: created.id, format: "madr" })).content;
    const front = parseYaml(madr.split("---")[1] ?? "");
    expect(front["decision-makers"]).toEqual([setup.owner.name]);
    expect(front.approvals).toEqual([{ name: "Olive Owner", date: "2026-12-03" }]);
    expect(front.imported).toEqual({
      from: "a Tradeoff JSON export",
      by: "Mo Member",
      date: today,
      "as-the-file-names-them": ["decision-makers", "approvals"],
    });
  });

  it("round trip keeps the reason a record was accepted without its approvals", async () => {
    const setup = await teamWith(t, ["MEMBER"]);
    const projectId = await openProject(setup.owner, drfInput(setup.team.id));
    const { criteria } = await setup.owner.api.project.get({ projectId });
    await castVote(at(setup.people, 0), projectId, criteria[0]?.key ?? "", {
      weight: 3,
      scores: { drf: 2, fastapi: 4 },
    });
    await setup.owner.api.draft.start({ projectId });
    await setup.owner.api.draft.updateFields({
      projectId,
      chosenOptionKey: "fastapi",
      decisionMakers: [{ userId: at(setup.people, 0).id, name: "" }],
    });
    await t.db.recordDraft.update({
      where: { projectId },
      data: { text: { rationale: "It fits our async services." } },
    });
    await setup.owner.api.draft.accept({
      projectId,
      overrideReason: "The deadline is today.",
      confirmProvisional: true,
    });
    const first = JSON.parse(
      (await setup.owner.api.export.file({ projectId, format: "json" })).content,
    );
    expect(first.decision.overrideReason).toBe("The deadline is today.");

    const other = await teamWith(t);
    const created = await other.owner.api.export.import({ teamId: other.team.id, document: first });
    const second = JSON.parse(
      (await other.owner.api.export.file({ projectId: created.id, format: "json" })).content,
    );
    expect(second.decision.overrideReason).toBe("The deadline is today.");
    const madr = (await other.owner.api.export.file({ projectId: created.id, format: "madr" }))
      .content;
    const front = parseYaml(madr.split("---")[1] ?? "");
    expect(front["accepted-without-approval"]).toBe("The deadline is today.");
  });

  it("refuses a file of another version or a tampered one, and creates nothing", async () => {
    const { owner, projectId } = await decidedDrf();
    const doc = JSON.parse((await owner.api.export.file({ projectId, format: "json" })).content);
    const other = await teamWith(t);
    const before = await t.db.project.count({ where: { teamId: other.team.id } });

    const wrongVersion = await trpcError(
      other.owner.api.export.import({ teamId: other.team.id, document: { ...doc, version: 2 } }),
    );
    expect(wrongVersion.code).toBe("BAD_REQUEST");
    expect(wrongVersion.message).toBe("This export is version 2; this server imports version 1.");

    const tampered = structuredClone(doc);
    tampered.votes[0].scores.drf = 5;
    const refused = await trpcError(
      other.owner.api.export.import({ teamId: other.team.id, document: tampered }),
    );
    expect(refused.message).toMatch(/inconsistent/);
    // The refusal says what is wrong, as a person fixing the file needs it.
    const problems = (refused.cause as { fieldErrors?: Record<string, string[]> }).fieldErrors;
    expect(problems?.document?.join("\n")).toMatch(/totals in the file do not match its votes/);

    const badKey = structuredClone(doc);
    badKey.decision.chosenOptionKey = "flask";
    const refused2 = await trpcError(
      other.owner.api.export.import({ teamId: other.team.id, document: badKey }),
    );
    expect(refused2.message).toMatch(/inconsistent/);

    expect(await t.db.project.count({ where: { teamId: other.team.id } })).toBe(before);
  });
});

describe("importing a file someone edited", () => {
  it("takes guidance only as text about the file's own options, and lists no longer than the app's", async () => {
    const { owner, projectId } = await decidedDrf();
    const doc = JSON.parse((await owner.api.export.file({ projectId, format: "json" })).content);
    const other = await teamWith(t);
    const before = await t.db.project.count({ where: { teamId: other.team.id } });
    const importing = (document: unknown) =>
      other.owner.api.export.import({ teamId: other.team.id, document });

    // Guidance that is not text would reach every voter's ballot as it is.
    const notText = structuredClone(doc);
    notText.criteria[0].guidance = { fastapi: { summary: { html: "<img src=x>" } } };
    expect((await trpcError(importing(notText))).code).toBe("BAD_REQUEST");
    const tooMany = structuredClone(doc);
    tooMany.decision.consequences.good = Array.from({ length: 21 }, (_, i) => `Good ${i}`);
    expect((await trpcError(importing(tooMany))).code).toBe("BAD_REQUEST");
    // Dates are read as the app reads them: a year the app would refuse is refused, by field.
    for (const [field, value] of [
      ["decidedAt", "0001-01-01T00:00:00.000Z"],
      ["reviewDate", "9999-12-31T00:00:00.000Z"],
    ] as const) {
      const farOut = structuredClone(doc);
      farOut.decision[field] = value;
      const refused = await trpcError(importing(farOut));
      expect(refused.code, field).toBe("BAD_REQUEST");
      const problems = (refused.cause as { fieldErrors?: Record<string, string[]> }).fieldErrors;
      expect(problems?.document?.join("\n"), field).toMatch(
        new RegExp(
          `decision\\.${field}: is in ${Number(value.slice(0, 4))}: pick a year from 2000 to \\d{4}`,
        ),
      );
    }
    const crowd = structuredClone(doc);
    crowd.decision.informed = Array.from({ length: 51 }, (_, i) => ({ name: `Person ${i}` }));
    expect((await trpcError(importing(crowd))).code).toBe("BAD_REQUEST");
    expect(await t.db.project.count({ where: { teamId: other.team.id } })).toBe(before);

    const stray = structuredClone(doc);
    stray.criteria[0].guidance = {
      ...stray.criteria[0].guidance,
      flask: { summary: "Not an option of this decision." },
    };
    const created = await importing(stray);
    const imported = await other.owner.api.project.get({ projectId: created.id });
    expect(Object.keys(imported.criteria[0]?.guidance ?? {}).sort()).toEqual(["drf", "fastapi"]);
  });
});

describe("a large project", () => {
  it("exports 1,000 members and 100,000 events, streaming the history in batches", async () => {
    const setup = await teamWith(t);
    const { id: projectId } = await setup.owner.api.project.create(blankInput(setup.team.id));
    const teamId = setup.team.id;
    // Bulk rows with SQL: the test is about exporting, not about creating them.
    await t.db.$executeRaw`
      WITH u AS (
        INSERT INTO users (id, name, email, updated_at)
        SELECT 'bulk-' || g, 'Member ' || g, 'bulk-' || g || '@example.com', now() FROM generate_series(1, 1000) g
        RETURNING id
      )
      INSERT INTO memberships (id, team_id, user_id, role) SELECT 'm-' || id, ${teamId}, id, 'MEMBER' FROM u`;
    await t.db.$executeRaw`
      INSERT INTO votes (id, project_id, criterion_id, user_id, weight, scores, updated_at)
      SELECT 'v-' || u.id || c.id, ${projectId}, c.id, u.id, 3, '{"kafka": 2, "sqs": 4}'::jsonb, now()
      FROM users u CROSS JOIN criteria c WHERE u.id LIKE 'bulk-%' AND c.project_id = ${projectId}`;
    await t.db.$executeRaw`
      INSERT INTO project_events (project_id, team_id, actor_id, type, criterion_key, data)
      SELECT ${projectId}, ${teamId}, 'bulk-' || (1 + g % 1000), 'vote.cast', 'ops',
        jsonb_build_object('before', null, 'after', jsonb_build_object('weight', 3, 'scores', '{"kafka": 2}'::jsonb))
      FROM generate_series(1, 100000) g`;

    // How long it takes is measured by `npm run bench`; here that it streams.
    const file = await exportRecordStream(t.db, { teamId, projectId }, { format: "json" });
    let bytes = 0;
    let chunks = 0;
    let largest = 0;
    for await (const chunk of file.chunks) {
      bytes += chunk.length;
      chunks += 1;
      largest = Math.max(largest, chunk.length);
    }
    expect(chunks).toBeGreaterThan(50); // the history came in batches, not as one string
    expect(largest).toBeLessThan(bytes / 10);
    expect(bytes).toBeGreaterThan(100_000 * 50);
  }, 60_000);
});
