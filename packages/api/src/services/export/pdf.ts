import fontkit from "@pdf-lib/fontkit";
import {
  addsUpByCriterion,
  BORDA_BREAKDOWN,
  BORDA_SENSITIVITY,
  flipCellText,
  quorumStatus,
} from "@tradeoff/scoring";
import { PDFDocument, type PDFPage, rgb } from "pdf-lib";
import type { RecordView } from "../record/record-view";
import {
  againstRecommendation,
  chosenKey,
  coverageSentence,
  criterionName,
  day,
  HIDDEN_RECOMMENDATION,
  keptReasonSentence,
  methodOf,
  NOT_SCORED,
  notScoredLines,
  optionName,
  participationBasis,
  points,
  resultSentence,
  scoreText,
  signOffLines,
  statusLine,
  weightShares,
} from "./facts";
import { FontSet } from "./pdf-fonts";

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
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join("");

const ELLIPSIS = "\u2026";
/** Scripts written without spaces between words (CJK): a line may break between any two characters. */
/** The pieces of a long word, each ending after a separator a link or path breaks at. */
const BREAK_AFTER = /[^/\\\-_.?&#=]*[/\\\-_.?&#=]+|[^/\\\-_.?&#=]+/g;
const NO_SPACES = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[\u{20000}-\u{3ffff}]/u;

/** Writes lines top to bottom, wrapping at word boundaries and starting new pages as needed. */
class Writer {
  page: PDFPage;
  y: number;
  constructor(
    readonly doc: PDFDocument,
    readonly size: readonly [number, number],
    readonly font: FontSet,
    readonly bold: FontSet,
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
  /** Draws one line of text, switching font per run of characters. */
  draw(
    text: string,
    at: { x: number; y: number; size: number; bold?: boolean; color?: ReturnType<typeof rgb> },
  ) {
    let x = at.x;
    for (const run of (at.bold ? this.bold : this.font).runs(text)) {
      this.page.drawText(run.text, {
        x,
        y: at.y,
        size: at.size,
        font: run.font,
        color: at.color ?? INK,
      });
      x += (at.bold ? this.bold : this.font).width(run.text, at.size);
    }
  }
  /**
   * The text shortened to fit `width`: whole words followed by an ellipsis. Only a single word
   * wider than the space on its own is cut, and then between characters with an ellipsis.
   */
  fit(text: string, width: number, size: number, bold = false): string {
    const fonts = bold ? this.bold : this.font;
    const clean = text.replace(/\s+/g, " ").trim();
    if (fonts.width(clean, size) <= width) return clean;
    const words = clean.split(" ");
    let kept = "";
    for (const word of words) {
      const next = kept ? `${kept} ${word}` : word;
      if (fonts.width(`${next}${ELLIPSIS}`, size) > width) break;
      kept = next;
    }
    if (kept) return `${kept}${ELLIPSIS}`;
    let chars = "";
    for (const ch of clean) {
      if (fonts.width(`${chars}${ch}${ELLIPSIS}`, size) > width) break;
      chars += ch;
    }
    return `${chars}${ELLIPSIS}`;
  }
  text(
    raw: string,
    opts: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; indent?: number } = {},
  ) {
    const size = opts.size ?? 10;
    const fonts = opts.bold ? this.bold : this.font;
    const indent = opts.indent ?? 0;
    const room = this.width - indent;
    for (const paragraph of raw.normalize("NFC").split("\n")) {
      let line = "";
      const flush = () => {
        this.ensure(size * 1.4);
        this.draw(line, {
          x: MARGIN + indent,
          y: this.y - size,
          size,
          bold: opts.bold,
          color: opts.color,
        });
        this.y -= size * 1.4;
        line = "";
      };
      for (const word of paragraph.split(/\s+/)) {
        const next = line ? `${line} ${word}` : word;
        if (fonts.width(next, size) <= room) {
          line = next;
          continue;
        }
        if (NO_SPACES.test(word)) {
          // Text without spaces breaks between characters, as it is typeset in its own script.
          if (line) line += " ";
          for (const ch of word) {
            if (line.trim() && fonts.width(`${line}${ch}`, size) > room) flush();
            line += ch;
          }
          continue;
        }
        if (line) flush();
        if (fonts.width(word, size) <= room) {
          line = word;
          continue;
        }
        // A word wider than a line (a link, a path) is never cut: it breaks after its
        // separators, and a piece still too wide between characters.
        for (const piece of word.match(BREAK_AFTER) ?? [word]) {
          if (line && fonts.width(`${line}${piece}`, size) > room) flush();
          if (fonts.width(piece, size) <= room) {
            line += piece;
            continue;
          }
          for (const ch of piece) {
            if (line && fonts.width(`${line}${ch}`, size) > room) flush();
            line += ch;
          }
        }
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
  doc.registerFontkit(fontkit);
  doc.setTitle(view.project.title);
  doc.setSubject("Decision record");
  doc.setCreator("Tradeoff");
  doc.setCreationDate(new Date(view.generatedAt));
  doc.setModificationDate(new Date(view.generatedAt));
  // Every character the record can print comes from the view; the labels are plain ASCII.
  const printable = `${JSON.stringify(view)}${JSON.stringify(history)}${ASCII}${ELLIPSIS}`;
  const regular = new FontSet(doc, 400);
  const bold = new FontSet(doc, 700);
  await regular.prepare(printable);
  await bold.prepare(printable);
  const w = new Writer(doc, PAPER[paper], regular, bold);

  w.text(`Decision record ${view.project.number} - ${view.team.name}`, { size: 9, color: MUTED });
  w.text(view.project.title, { size: 20, bold: true });
  const status = statusLine(view, (p) => `${p.number}. ${p.title}`);
  w.text(
    `Status: ${view.draft && view.project.status !== "ARCHIVED" ? "DRAFT (not decided yet)" : status}`,
    { size: 10, color: MUTED },
  );
  w.text(`Date: ${day(view.decision?.decidedAt ?? view.generatedAt)}`, { size: 10, color: MUTED });
  w.gap();

  w.heading("Outcome");
  const d = view.decision;
  if (d) {
    // One sentence, as the Nygard record words it: the choice and its reason.
    w.text(`We will use ${optionName(view, d.chosenOptionKey)}, because ${d.rationale.trim()}`, {
      bold: true,
    });
    const against = againstRecommendation(view);
    if (against)
      w.text(`The recommendation was ${against.recommended}; chosen otherwise ${against.because}`);
    const kept = keptReasonSentence(view);
    if (kept) w.text(kept);
    const c = d.consequences;
    for (const [label, list] of [
      ["Good", c.good],
      ["Neutral", c.neutral],
      ["Bad", c.bad],
    ] as const)
      for (const item of list) w.text(`- ${label}, because ${item}`, { indent: 10 });
    const people = d.decisionMakers.map((p) => p.name);
    // An imported record's people are the file's word, as its recorder and approvals are.
    const from = d.imported ? " (from the imported file)" : "";
    if (people.length) w.text(`Decision-makers: ${people.join(", ")}${from}`, { color: MUTED });
    for (const line of signOffLines(view)) w.text(line, { color: MUTED });
  } else {
    // A tie or nothing scored recommends nothing: the result sentence below says which.
    const key = chosenKey(view);
    const line = !view.result
      ? HIDDEN_RECOMMENDATION
      : key
        ? `Recommended (not yet decided): ${optionName(view, key)}`
        : "No option is chosen yet.";
    w.text(line, { bold: true, size: 12 });
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
      w.draw(w.fit(o.name, labelWidth - 8, 10), { x: MARGIN, y: w.y - 12, size: 10 });
      const barWidth = Math.max(1, ((w.width - labelWidth - 40) * total) / 100);
      w.page.drawRectangle({
        x: MARGIN + labelWidth,
        y: w.y - 14,
        width: barWidth,
        height: 12,
        color: o.key === r.winner ? WIN : BAR,
      });
      w.draw(score === null ? NOT_SCORED : points(score), {
        x: MARGIN + labelWidth + barWidth + 6,
        y: w.y - 12,
        size: 10,
      });
      w.y -= 20;
    }

    w.heading("Criteria");
    // The flip point column holds "0.97 (now 1.00)": a flip point with today's importance.
    const cols = [
      MARGIN,
      MARGIN + 135,
      MARGIN + 175,
      ...view.options.map((_, i) => MARGIN + 270 + i * 50),
    ];
    const row = (cells: string[], bold = false) => {
      w.ensure(16);
      cells.forEach((cellText, i) => {
        const x = cols[i] ?? MARGIN;
        const next = cols[i + 1] ?? w.size[0] - MARGIN;
        w.draw(w.fit(cellText, next - x - 4, 9, bold), { x, y: w.y - 10, size: 9, bold });
      });
      w.y -= 14;
    };
    // "Share of counted weight" (the record page's words) does not fit the column: a note says it.
    // Under the Borda count no criterion has a share or a flip point: a note says why.
    const byCriterion = addsUpByCriterion(methodOf(view));
    const shares = weightShares(view);
    row(["Criterion", "Share", "Flips at", ...view.options.map((o) => o.name)], true);
    for (const c of r.criteria)
      row([
        criterionName(view, c.key),
        !c.counted ? NOT_SCORED : byCriterion ? (shares.get(c.key) ?? "") : "-",
        flipCellText(c),
        ...view.options.map((o) => scoreText(c.scores[o.key])),
      ]);
    if (byCriterion)
      w.text(
        "Share: each criterion's share of counted weight, the weight of the criteria counted in the totals. Flips at: the importance at which the recommendation would change, and today's; ties at 0 or 5: at that end of the range the recommended option ties with another, without falling behind.",
        { color: MUTED, size: 9 },
      );
    else
      w.text(`${BORDA_BREAKDOWN} Flip points are ${BORDA_SENSITIVITY}`, { color: MUTED, size: 9 });
    for (const line of notScoredLines(view)) w.text(line, { color: MUTED, size: 9 });
  }

  w.heading("Participation");
  const p = view.participation;
  const basisWords = participationBasis(view);
  w.text(
    `${basisWords ? `${basisWords.charAt(1).toUpperCase()}${basisWords.slice(2)}: ` : ""}${p.complete} complete, ${p.partial} partial and ${p.none} not started, of ${p.eligible} member${p.eligible === 1 ? "" : "s"}${p.quorum !== null ? `; ${quorumStatus(p)}` : ""}.`,
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
