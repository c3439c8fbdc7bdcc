import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import type { RecordView } from "../record/record-view";
import {
  chosenKey,
  coverageSentence,
  criterionName,
  day,
  lowerFirst,
  NOT_SCORED,
  notScoredLines,
  optionName,
  pct,
  points,
  resultSentence,
  scoreText,
  statusLine,
} from "./facts";

export const PAPER = { a4: [595.28, 841.89], letter: [612, 792] } as const;
export type Paper = keyof typeof PAPER;

export type HistorySummary = {
  events: number;
  votes: number;
  comments: number;
  firstAt: string | null;
  lastAt: string | null;
};

const MARGIN = 50;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.4, 0.4, 0.45);
const BAR = rgb(0.2, 0.4, 0.8);
const WIN = rgb(0.1, 0.6, 0.35);

/**
 * The standard PDF fonts only encode WinAnsi: typographic characters are mapped to their
 * plain forms and anything else becomes "?", so a name in another script never breaks the file.
 */
function plain(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\u2026/g, "...")
    .normalize("NFC")
    .replace(/[^\x20-\x7e\xa0-\xff\n]/g, "?");
}

/** Writes lines top to bottom, wrapping words and starting new pages as needed. */
class Writer {
  page: PDFPage;
  y: number;
  constructor(
    readonly doc: PDFDocument,
    readonly size: readonly [number, number],
    readonly font: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = doc.addPage([...size]);
    this.y = size[1] - MARGIN;
  }
  get width() {
    return this.size[0] - 2 * MARGIN;
  }
  ensure(height: number) {
    if (this.y - height < MARGIN) {
      this.page = this.doc.addPage([...this.size]);
      this.y = this.size[1] - MARGIN;
    }
  }
  text(
    raw: string,
    opts: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; indent?: number } = {},
  ) {
    const size = opts.size ?? 10;
    const font = opts.bold ? this.bold : this.font;
    const indent = opts.indent ?? 0;
    for (const paragraph of plain(raw).split("\n")) {
      let line = "";
      const flush = () => {
        this.ensure(size * 1.4);
        this.page.drawText(line, {
          x: MARGIN + indent,
          y: this.y - size,
          size,
          font,
          color: opts.color ?? INK,
        });
        this.y -= size * 1.4;
        line = "";
      };
      for (const word of paragraph.split(/\s+/)) {
        const next = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(next, size) > this.width - indent && line) {
          flush();
          line = word;
        } else line = next;
      }
      flush();
    }
  }
  gap(h = 8) {
    this.y -= h;
  }
  heading(text: string) {
    this.gap(6);
    this.ensure(40);
    this.text(text, { size: 13, bold: true });
    this.gap(2);
  }
}

/**
 * A printable decision summary (A4 or Letter) with selectable text: title, status, outcome, a
 * bar chart of the totals, the criteria table, participation and a history summary.
 */
export async function toPdf(
  view: RecordView,
  history: HistorySummary,
  paper: Paper = "a4",
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(plain(view.project.title));
  doc.setSubject("Decision record");
  doc.setCreator("Tradeoff");
  doc.setCreationDate(new Date(view.generatedAt));
  doc.setModificationDate(new Date(view.generatedAt));
  const w = new Writer(
    doc,
    PAPER[paper],
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );

  w.text(`Decision record ${view.project.number} - ${view.team.name}`, { size: 9, color: MUTED });
  w.text(view.project.title, { size: 20, bold: true });
  const status = statusLine(view, (p) => `${p.number}. ${p.title}`);
  w.text(
    `Status: ${view.draft ? "DRAFT (not decided yet)" : status}   Date: ${day(view.decision?.decidedAt ?? view.generatedAt)}`,
    { size: 10, color: MUTED },
  );
  w.gap();

  w.heading("Outcome");
  const d = view.decision;
  if (d) {
    // One sentence, as the Nygard record words it: the choice and its reason.
    w.text(
      `We will use ${optionName(view, d.chosenOptionKey)}, because ${lowerFirst(d.rationale.trim())}`,
      {
        bold: true,
      },
    );
    if (d.justification && d.recommendedKey !== d.chosenOptionKey)
      w.text(
        `The recommendation was ${optionName(view, d.recommendedKey)}; chosen otherwise because ${d.justification}`,
      );
    const c = d.consequences;
    for (const [label, list] of [
      ["Good", c.good],
      ["Neutral", c.neutral],
      ["Bad", c.bad],
    ] as const)
      for (const item of list) w.text(`- ${label}, because ${item}`, { indent: 10 });
    const people = d.decisionMakers.map((p) => p.name);
    if (people.length) w.text(`Decision-makers: ${people.join(", ")}`, { color: MUTED });
  } else {
    w.text(`Recommended (not yet decided): ${optionName(view, chosenKey(view))}`, {
      bold: true,
      size: 12,
    });
  }
  w.text(resultSentence(view), { color: MUTED });
  w.text(coverageSentence(view), { color: MUTED });

  const r = view.result;
  if (r) {
    w.heading("Totals (0 to 100)");
    const labelWidth = 130;
    for (const o of view.options) {
      const score = r.totals.find((t) => t.optionKey === o.key)?.score ?? null;
      const total = score ?? 0;
      w.ensure(20);
      w.page.drawText(plain(o.name).slice(0, 24), {
        x: MARGIN,
        y: w.y - 12,
        size: 10,
        font: w.font,
        color: INK,
      });
      const barWidth = Math.max(1, ((w.width - labelWidth - 40) * total) / 100);
      w.page.drawRectangle({
        x: MARGIN + labelWidth,
        y: w.y - 14,
        width: barWidth,
        height: 12,
        color: o.key === r.winner ? WIN : BAR,
      });
      w.page.drawText(score === null ? NOT_SCORED : points(score), {
        x: MARGIN + labelWidth + barWidth + 6,
        y: w.y - 12,
        size: 10,
        font: w.font,
        color: INK,
      });
      w.y -= 20;
    }

    w.heading("Criteria");
    const cols = [
      MARGIN,
      MARGIN + 170,
      MARGIN + 220,
      ...view.options.map((_, i) => MARGIN + 270 + i * 50),
    ];
    const row = (cells: string[], bold = false) => {
      w.ensure(16);
      cells.forEach((cellText, i) => {
        w.page.drawText(plain(cellText).slice(0, i === 0 ? 32 : 9), {
          x: cols[i] ?? MARGIN,
          y: w.y - 10,
          size: 9,
          font: bold ? w.bold : w.font,
          color: INK,
        });
      });
      w.y -= 14;
    };
    row(["Criterion", "Weight", "Flips at", ...view.options.map((o) => o.name)], true);
    for (const c of r.criteria)
      row([
        criterionName(view, c.key),
        c.counted ? pct(c.weight) : NOT_SCORED,
        c.flipAt === null ? "-" : c.flipAt.toFixed(1),
        ...view.options.map((o) => scoreText(c.scores[o.key])),
      ]);
    for (const line of notScoredLines(view)) w.text(line, { color: MUTED, size: 9 });
  }

  w.heading("Participation");
  const p = view.participation;
  w.text(
    `${p.complete} complete, ${p.partial} partial and ${p.none} not started, of ${p.eligible} members${p.quorum ? `; quorum ${p.quorum} complete ballots, ${p.quorumMet ? "met" : "not met"}` : ""}.`,
  );

  w.heading("History");
  w.text(
    history.events
      ? `${history.events} events from ${day(history.firstAt ?? "")} to ${day(history.lastAt ?? "")}: ${history.votes} vote changes, ${history.comments} comments.`
      : "No history recorded.",
  );
  if (view.supersedes.length)
    w.text(`Supersedes: ${view.supersedes.map((s) => `${s.number}. ${s.title}`).join(", ")}`);
  if (view.supersededBy.length)
    w.text(`Superseded by: ${view.supersededBy.map((s) => `${s.number}. ${s.title}`).join(", ")}`);
  if (view.url) w.text(`Project: ${view.url}`, { color: MUTED, size: 9 });
  return doc.save();
}
