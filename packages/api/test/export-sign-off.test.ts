import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { toMarkdown } from "../src/services/export/markdown";
import { toPdf } from "../src/services/export/pdf";
import { goldenView } from "./golden/record-view";

/** The golden record imported from a JSON export, approved in its file, accepted over its rule. */
function signedOff() {
  const view = goldenView();
  if (!view.decision) throw new Error("the golden record is decided");
  view.decision = {
    ...view.decision,
    revision: 1,
    revisedBy: null,
    imported: { by: "Cy Importer", at: "2026-12-04T09:00:00.000Z" },
    approvals: [{ name: "Olive Owner", at: "2026-12-03T10:00:00.000Z" }],
    overrideReason: "the vendor's offer ends this week.",
  };
  return view;
}

const IMPORTED =
  "Recorded by Ada (from the imported file) on 2026-11-21. Imported from a JSON export by Cy Importer on 2026-12-04.";
const APPROVED = "Approved by Olive Owner (2026-12-03) (from the imported file).";
const OVERRIDDEN =
  "Accepted without every approval the team's rule asks for, because the vendor's offer ends this week.";

describe("a record's sign-off: imported, approved, accepted over its rule", () => {
  it("Nygard: the three sentences after the decision, a paragraph each, in that order", () => {
    const md = toMarkdown(signedOff(), "nygard");
    expect(md).toContain(`${IMPORTED}\n\n${APPROVED}\n\n${OVERRIDDEN}\n\n## Consequences`);
  });

  it("PDF: the three sentences under the outcome, in that order", async () => {
    const pdf = await toPdf(signedOff(), {
      events: 0,
      votes: 0,
      comments: 0,
      firstAt: null,
      lastAt: null,
    });
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    expect(text.replace(/\s+/g, " ")).toContain(`${IMPORTED} ${APPROVED} ${OVERRIDDEN}`);
  });
});
