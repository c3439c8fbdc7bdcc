import { aggregate } from "@tradeoff/scoring";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { type MarkdownVariant, toMarkdown } from "../src/services/export/markdown";
import { toPdf } from "../src/services/export/pdf";
import type { RecordView } from "../src/services/record/record-view";
import { goldenView } from "./golden/record-view";

/**
 * The golden record with one voter whose FastAPI lead rests on Type safety alone: the other
 * counted criteria score both options alike, so at Type safety's importance 0 the options tie.
 * That is the end of the range, not a point to go below.
 */
function tiesAtZero(): RecordView {
  const base = goldenView();
  const rec = aggregate({
    options: base.options.map((o) => ({ key: o.key, name: o.name })),
    criteria: base.criteria.map((c) => ({ key: c.key, defaultWeight: c.defaultWeight })),
    votes: [
      { voterId: "u1", criterionKey: "typing", weight: 2, scores: { drf: 1, fastapi: 5 } },
      { voterId: "u1", criterionKey: "admin", weight: 4, scores: { drf: 3, fastapi: 3 } },
      { voterId: "u1", criterionKey: "async", weight: 3, scores: { drf: 3, fastapi: 3 } },
    ],
  });
  if (!base.result) throw new Error("golden view without a result");
  return goldenView({
    result: {
      ...base.result,
      totals: rec.totals,
      winner: rec.winner,
      margin: rec.margin,
      criteria: rec.criteria,
    },
    decision: base.decision && { ...base.decision, recommendedKey: rec.winner },
  });
}

describe("a lead that ties at an end of the importance range", () => {
  it.each<MarkdownVariant>(["madr", "log4brains"])(
    "%s says it ties at importance 0, never that it goes below 0",
    (variant) => {
      const md = toMarkdown(tiesAtZero(), variant);
      expect(md).not.toMatch(/goes below -?0\.0/);
      expect(md).toContain(
        "the importance of Type safety is 0 (now 2.0): there the recommended option ties with another, without falling behind",
      );
    },
  );

  it("the PDF's flip column says it ties at 0", async () => {
    const history = { events: 1, votes: 1, comments: 0, firstAt: null, lastAt: null };
    const bytes = await toPdf(tiesAtZero(), history, "a4");
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    expect(text).toContain("ties at 0 (now 2.0)");
    expect(text).not.toMatch(/-?0\.0 \(now 2\.0\)/);
  });
});
