import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { toPdf } from "../src/services/export/pdf";
import type { RecordView } from "../src/services/record/record-view";
import { goldenView } from "./golden/record-view";

const history = {
  events: 3,
  votes: 2,
  comments: 1,
  firstAt: "2026-11-02T09:00:00.000Z",
  lastAt: "2026-11-21T09:00:00.000Z",
};

/** The printed lines of every page, as a PDF reader extracts them. */
async function printedLines(bytes: Uint8Array) {
  const { text } = await extractText(await getDocumentProxy(bytes.slice()), {
    mergePages: false,
  });
  return text.flatMap((page) => page.split("\n")).map((line) => line.trim());
}

/** The base font names of the fonts embedded in the file. */
async function embeddedFonts(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes);
  const names: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects())
    if (object instanceof PDFDict && object.get(PDFName.of("Type")) === PDFName.of("Font")) {
      const base = object.get(PDFName.of("BaseFont"));
      if (base instanceof PDFName && object.get(PDFName.of("Subtype")) === PDFName.of("Type0"))
        names.push(base.decodeText());
    }
  return names;
}

function withNames(title: string, optionNames: string[], extra: Partial<RecordView> = {}) {
  const base = goldenView();
  return goldenView({
    project: { ...base.project, title },
    options: base.options.map((o, i) => ({ ...o, name: optionNames[i] ?? o.name })),
    ...extra,
  });
}

describe("PDF summary in every script", () => {
  it("prints names in Latin, Latin Extended and Japanese and the em dash as typed, also in the title", async () => {
    const title = "José, Łukasz and 東京 — one shared database";
    const base = goldenView();
    const view = withNames(title, ["Łódź cluster", "東京 region"], {
      decision: base.decision && {
        ...base.decision,
        decisionMakers: [{ name: "José Núñez" }, { name: "Łukasz Żółć" }, { name: "山田 太郎" }],
      },
    });
    const bytes = await toPdf(view, history, "a4");
    const lines = await printedLines(bytes);
    expect(lines).toContain(title);
    expect(lines).toContain("Decision-makers: José Núñez, Łukasz Żółć, 山田 太郎");
    expect(lines.some((l) => l.startsWith("Łódź cluster"))).toBe(true);
    expect(lines.some((l) => l.startsWith("東京 region"))).toBe(true);
    expect(lines.join("\n")).not.toContain("?");

    const pdf = await getDocumentProxy(bytes.slice());
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string } };
    expect(info.Title).toBe(title);

    // Noto Sans for Latin, Noto Sans JP for the kanji, each subset to the glyphs used.
    const fonts = await embeddedFonts(bytes);
    expect(fonts.some((f) => f.includes("NotoSans-"))).toBe(true);
    expect(fonts.some((f) => f.includes("NotoSansJP-"))).toBe(true);
  });

  it("embeds the Japanese font only when the record needs it", async () => {
    const bytes = await toPdf(withNames("José and Łukasz", []), history, "a4");
    const fonts = await embeddedFonts(bytes);
    expect(fonts.some((f) => f.includes("NotoSans-"))).toBe(true);
    expect(fonts.some((f) => f.includes("NotoSansJP"))).toBe(false);
  });

  it("puts the header fields on their own lines", async () => {
    const lines = await printedLines(await toPdf(goldenView(), history, "letter"));
    expect(lines).toContain("Status: accepted");
    expect(lines).toContain("Date: 2026-11-21");
  });

  it("wraps long text at word boundaries, and Japanese between characters", async () => {
    const words = Array.from({ length: 60 }, (_, i) => `Łukasz${i}`);
    const long = words.join(" ");
    const japanese = "東京都の請求サービスは型安全で非同期の処理を重視するため、".repeat(6);
    const base = goldenView();
    const view = goldenView({
      decision: base.decision && {
        ...base.decision,
        consequences: { good: [long], neutral: [japanese], bad: [] },
      },
    });
    const lines = await printedLines(await toPdf(view, history, "a4"));

    const start = lines.findIndex((l) => l.startsWith("- Good, because Łukasz0 "));
    expect(start).toBeGreaterThanOrEqual(0);
    const wrapped = lines.slice(
      start,
      lines.findIndex((l, i) => i > start && !/^Łukasz/.test(l)),
    );
    expect(wrapped.length).toBeGreaterThan(2);
    expect(wrapped.join(" ")).toBe(`- Good, because ${long}`);
    const known = new Set(["-", "Good,", "because", ...words]);
    for (const line of wrapped) for (const word of line.split(" ")) expect(known).toContain(word);

    const jStart = lines.findIndex((l) => l.startsWith("- Neutral, because 東京都"));
    expect(jStart).toBeGreaterThanOrEqual(0);
    const jLines = [lines[jStart]];
    while (jLines.join("").length < `- Neutral, because ${japanese}`.length)
      jLines.push(lines[jStart + jLines.length]);
    expect(jLines.length).toBeGreaterThan(1);
    expect(jLines.join("")).toBe(`- Neutral, because ${japanese}`);
  });

  it("breaks a word longer than a line, such as a link, across lines and keeps all of it", async () => {
    const url =
      "https://github.com/example-org/billing-service/blob/main/docs/architecture/decisions/0042-use-kafka-for-billing-events-instead-of-sqs.md#consequences";
    const token = "x".repeat(160);
    const base = goldenView();
    const view = goldenView({
      decision: base.decision && {
        ...base.decision,
        consequences: { good: [`See ${url} for the benchmark.`], neutral: [token], bad: [] },
      },
    });
    const lines = await printedLines(await toPdf(view, history, "a4"));

    const start = lines.findIndex((l) => l.startsWith("- Good, because See"));
    expect(start).toBeGreaterThanOrEqual(0);
    const end = lines.findIndex((l, i) => i > start && l.endsWith("for the benchmark."));
    expect(end).toBeGreaterThan(start + 1);
    const printed = lines.slice(start, end + 1);
    const squeeze = (text: string) => text.replace(/\s+/g, "");
    expect(squeeze(printed.join(""))).toBe(
      squeeze(`- Good, because See ${url} for the benchmark.`),
    );
    expect(printed.join(" ")).not.toContain("…");
    // The link starts on a line of its own and breaks after one of its separators.
    expect(printed[1]).toMatch(/^https:\/\/github\.com\/.*[/\-_.#]$/);

    const tokenStart = lines.findIndex((l) => l.startsWith("- Neutral, because"));
    const tokenLines = lines.slice(tokenStart + 1, tokenStart + 4).filter((l) => /^x+$/.test(l));
    expect(tokenLines.join("")).toBe(token);
  });

  it("ends a name too long for its column with an ellipsis after a whole word", async () => {
    const name = "Extraordinarily comprehensive managed PostgreSQL hosting with replicas";
    const lines = await printedLines(await toPdf(withNames("Hosting", [name]), history, "a4"));
    const label = lines.find((l) => l.startsWith("Extraordinarily") && l.includes("…"));
    expect(label).toBeDefined();
    const shown = (label ?? "").slice(0, (label ?? "").indexOf("…")).split(" ");
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(name.split(" ").length);
    expect(name.split(" ").slice(0, shown.length)).toEqual(shown);
  });

  it("replaces characters no embedded font has with a visible mark and still exports", async () => {
    const title = "Launch 🚀 plan 𓀀 — ready";
    const bytes = await toPdf(withNames(title, []), history, "a4");
    const lines = await printedLines(bytes);
    expect(lines).toContain("Launch \uFFFD plan \uFFFD — ready");
    const { info } = (await (await getDocumentProxy(bytes.slice())).getMetadata()) as {
      info: { Title?: string };
    };
    expect(info.Title).toBe(title);
  });
});
