import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { useTestDatabase } from "./helpers";
import {
  activeContent,
  csvRows,
  documentText,
  expectReadsAsTyped,
  flat,
  HOSTILE,
  headings,
  parse,
  pdfTextWithoutActions,
} from "./hostile-text";
import { at, drfInput, teamWith } from "./project-fixtures";

const t = useTestDatabase();

const TITLE = '<img src=x onerror="alert(1)"> # [x](javascript:alert(1)) ---';
const DRF = "<script>alert(1)</script>";
const FASTAPI = "*Fast* | [API](javascript:alert(1))";
const SHORT = Object.entries(HOSTILE)
  .filter(([name]) => name !== "long")
  .map(([, text]) => text);
const VOTE_REASON = `${HOSTILE.frontMatter}\n${HOSTILE.script}`;
const DECIDER = "---\ntitle: owned\n...";

/** A decision typed by a hostile member through the API, with every field they can fill. */
async function hostileDecision() {
  const setup = await teamWith(t, ["MEMBER"]);
  const input = drfInput(setup.team.id);
  const { id: projectId } = await setup.owner.api.project.create({
    ...input,
    title: TITLE,
    context: Object.values(HOSTILE).join("\n\n"),
    options: [
      { key: "drf", name: DRF, description: HOSTILE.handler },
      { key: "fastapi", name: FASTAPI, description: HOSTILE.headings },
    ],
  });
  await setup.owner.api.project.open({ projectId });
  const project = await setup.owner.api.project.get({ projectId });
  for (const person of [setup.owner, at(setup.people, 1)]) {
    for (const c of project.criteria.slice(0, 2)) {
      await person.api.vote.cast({
        projectId,
        criterionKey: c.key,
        weight: 4,
        scores: { drf: 2, fastapi: 5 },
        rationale: VOTE_REASON,
      });
    }
  }
  await setup.owner.api.record.decide({
    projectId,
    chosenOptionKey: "fastapi",
    rationale: SHORT.join("\n\n"),
    consequences: { good: SHORT, neutral: [], bad: [HOSTILE.fence] },
    decisionMakers: [{ name: DECIDER }],
    informed: [{ name: HOSTILE.yaml }],
    confirmation: HOSTILE.autolink,
    // Not every criterion is scored: a provisional result, recorded knowingly.
    confirmProvisional: true,
  });
  return { ...setup, projectId };
}

describe("exports of a decision typed by a hostile member, read back", () => {
  it("every Markdown format: no HTML, no unsafe link, the outline intact, the text as typed", async () => {
    const { owner, projectId } = await hostileDecision();
    for (const format of ["madr", "log4brains", "nygard"] as const) {
      const file = await owner.api.export.file({ projectId, format });
      const tree = parse(file.content);
      expect(activeContent(tree), format).toEqual([]);
      expect(headings(tree, 1), format).toEqual([
        format === "nygard" ? `1. ${flat(TITLE)}` : flat(TITLE),
      ]);
      const seen = documentText(tree);
      // Nygard names the chosen option only.
      const options = format === "nygard" ? [FASTAPI] : [DRF, FASTAPI];
      for (const typed of [...SHORT, ...options]) expectReadsAsTyped(seen, typed);
      if (format === "madr") {
        const [first] = tree.children;
        expect(first?.type).toBe("yaml");
        expect(parseYaml(first?.type === "yaml" ? first.value : "")).toMatchObject({
          status: "accepted",
          "decision-makers": [DECIDER],
          informed: [HOSTILE.yaml],
        });
      }
    }
  });

  it("CSV, JSON and PDF: parsers read the typed text back, and the PDF has no actions", async () => {
    const { owner, projectId } = await hostileDecision();
    const votes = csvRows((await owner.api.export.file({ projectId, format: "csv" })).content);
    expect(votes).toHaveLength(4);
    // It starts with "-", so it is defused for spreadsheets; otherwise exactly as typed.
    for (const row of votes) expect(row.rationale).toBe(`'${VOTE_REASON}`);
    const events = csvRows(
      (await owner.api.export.file({ projectId, format: "csv", table: "events" })).content,
    );
    const recorded = events.find((e) => e.type === "decision.recorded");
    expect(JSON.parse(recorded?.data ?? "{}")).toMatchObject({ chosenOptionKey: "fastapi" });

    const json = JSON.parse((await owner.api.export.file({ projectId, format: "json" })).content);
    expect(json.project.title).toBe(TITLE);
    expect(json.options.map((o: { name: string }) => o.name)).toEqual([DRF, FASTAPI]);
    expect(json.decision.rationale).toBe(SHORT.join("\n\n"));

    const pdf = await owner.api.export.file({ projectId, format: "pdf" });
    const text = await pdfTextWithoutActions(new Uint8Array(Buffer.from(pdf.content, "base64")));
    expect(text).toContain(`We will use ${FASTAPI}, because ${HOSTILE.script}`);
  });
});
