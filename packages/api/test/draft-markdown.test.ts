/**
 * The draft's Markdown read into the shared document and written back: the text people typed
 * comes back as they typed it, so neither opening the editor nor an edit elsewhere rewrites it.
 */
import { describe, expect, it } from "vitest";
import type { DraftText } from "../src/schemas/draft";
import {
  DRAFT_TEXT_FIELDS,
  documentReadsAs,
  documentTextOfUpdates,
  seedUpdate,
} from "../src/services/draft/document-schema";

const roundTrip = (markdown: string) => {
  const text = Object.fromEntries(DRAFT_TEXT_FIELDS.map((f) => [f, ""])) as DraftText;
  return documentTextOfUpdates([seedUpdate({ ...text, good: markdown })]).good;
};

describe("the draft's Markdown through the shared document", () => {
  it.each([
    "See https://example.com/pricing",
    'Spreadsheets: =HYPERLINK("http://x")',
    '- "Runbook at https://example.com/runbook." (Alice on Ops)',
    "Ask www.example.com or ops@example.com first.",
    "https://example.com/pricing, then https://example.com/limits.",
    "[the docs](https://example.com/docs) and **bold** words",
    "### SQS\n\n- Good, because it is managed\n- Bad, because of limits",
  ])("writes %j back as it was typed", (markdown) => {
    expect(roundTrip(markdown)).toBe(markdown);
  });

  it("keeps a link whose text is not its address as a link", () => {
    expect(roundTrip("[https://a.example](https://b.example)")).toBe(
      "[https://a.example](https://b.example)",
    );
  });

  it("tells Markdown the document only spells differently from a real change", () => {
    for (const typed of ["a & b", "x_y_z", "_costs_ matter", "See <https://example.com>"]) {
      expect(documentReadsAs(typed, roundTrip(typed))).toBe(true);
    }
    expect(documentReadsAs("a & b", "a & c")).toBe(false);
    expect(documentReadsAs("", "")).toBe(true);
    expect(documentReadsAs("", "New text")).toBe(false);
  });
});
