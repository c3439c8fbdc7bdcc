import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { inflateSync } from "node:zlib";
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";

/**
 * The fonts the PDF summary prints with, from npm packages so that every server has them:
 * Noto Sans (Latin, Latin Extended, Greek, Cyrillic, Vietnamese, punctuation such as the em
 * dash) and, for the characters it lacks, Noto Sans JP (kana and the kanji of Japanese, which
 * also cover most Chinese names). Fontsource ships each family cut into small files by Unicode
 * range; the range of each file is read from the package's own stylesheet, so a document embeds
 * only the files its text needs, each subset to the glyphs used.
 *
 * A character no file covers (an emoji, a script neither family has) is printed as
 * REPLACEMENT, so the reader sees that something was there and the export never fails.
 */
const FAMILIES = ["@fontsource/noto-sans", "@fontsource/noto-sans-jp"] as const;
export const REPLACEMENT = "\uFFFD";

export type Weight = 400 | 700;

type Face = {
  file: string;
  ranges: [number, number][];
  loaded?: { codePoints: Set<number> };
};

// Node's own resolver, taken at run time so that a bundler (the web app's route handlers) leaves
// the font packages on disk where npm installed them instead of rewriting the lookup.
const nodeRequire = process.getBuiltinModule("node:module").createRequire(import.meta.url);
const faceCache = new Map<Weight, Face[]>();

/** Reads `@font-face` blocks (file name and unicode-range) from a Fontsource weight stylesheet. */
function facesOf(family: string, weight: Weight): Face[] {
  let dir: string;
  try {
    dir = dirname(nodeRequire.resolve(`${family}/package.json`));
  } catch {
    throw new Error(
      `The PDF export needs the font package ${family}; run npm install in the repository.`,
    );
  }
  const css = readFileSync(join(dir, `${weight}.css`), "utf8");
  const faces: Face[] = [];
  for (const block of css.split("@font-face").slice(1)) {
    const file = block.match(/url\(\.\/files\/([^)]+-normal\.woff)\)/)?.[1];
    const range = block.match(/unicode-range:\s*([^;]+);/)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(",").map((part): [number, number] => {
      const [from, to] = part.trim().replace(/^U\+/i, "").split("-");
      const start = Number.parseInt(from ?? "", 16);
      return [start, to ? Number.parseInt(to, 16) : start];
    });
    faces.push({ file: join(dir, "files", file), ranges });
  }
  return faces;
}

function faces(weight: Weight): Face[] {
  let list = faceCache.get(weight);
  if (!list) {
    list = FAMILIES.flatMap((family) => facesOf(family, weight));
    faceCache.set(weight, list);
  }
  return list;
}

/**
 * Unpacks a WOFF file into the plain TrueType font it wraps (tables inflated with Node's zlib),
 * so each file is decompressed once per process instead of by the font parser on every export.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error("Not a WOFF font file.");
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const tag = woff.readUInt32BE(at);
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const checksum = woff.readUInt32BE(at + 16);
    const packed = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(packed) : packed;
    return { tag, checksum, data };
  });
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= count) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  const head = Buffer.alloc(12 + count * 16);
  head.writeUInt32BE(flavor, 0);
  head.writeUInt16BE(count, 4);
  head.writeUInt16BE(searchRange, 6);
  head.writeUInt16BE(entrySelector, 8);
  head.writeUInt16BE(count * 16 - searchRange, 10);
  const parts: Buffer[] = [head];
  let offset = head.length;
  tables.forEach((t, i) => {
    head.writeUInt32BE(t.tag, 12 + i * 16);
    head.writeUInt32BE(t.checksum, 16 + i * 16);
    head.writeUInt32BE(offset, 20 + i * 16);
    head.writeUInt32BE(t.data.length, 24 + i * 16);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

const sfntCache = new Map<string, Buffer>();
function bytesOf(face: Face): Buffer {
  let bytes = sfntCache.get(face.file);
  if (!bytes) {
    bytes = woffToSfnt(readFileSync(face.file));
    sfntCache.set(face.file, bytes);
  }
  return bytes;
}

/** True when the file's declared range holds the character and the font really has a glyph. */
function covers(face: Face, cp: number): boolean {
  if (!face.ranges.some(([a, b]) => cp >= a && cp <= b)) return false;
  if (!face.loaded) {
    const font = fontkit.create(bytesOf(face));
    face.loaded = { codePoints: new Set(font.characterSet) };
  }
  return face.loaded.codePoints.has(cp);
}

export type Run = { text: string; font: PDFFont };

/**
 * The fonts of one weight embedded in one document. `prepare` embeds, before any drawing,
 * the files needed for the given text; `runs` then cuts a string into pieces of one font each.
 */
export class FontSet {
  private readonly embedded = new Map<Face, PDFFont>();
  private readonly chosen = new Map<number, Face | null>();
  constructor(
    private readonly doc: PDFDocument,
    readonly weight: Weight,
  ) {}

  private faceFor(cp: number): Face | null {
    let face = this.chosen.get(cp);
    if (face === undefined) {
      face = faces(this.weight).find((f) => covers(f, cp)) ?? null;
      this.chosen.set(cp, face);
    }
    return face;
  }

  async prepare(text: string) {
    const wanted = new Set<Face>();
    for (const ch of `${text}${REPLACEMENT}?`.normalize("NFC")) {
      const face = this.faceFor(ch.codePointAt(0) ?? 0);
      if (face) wanted.add(face);
    }
    for (const face of wanted)
      if (!this.embedded.has(face))
        this.embedded.set(face, await this.doc.embedFont(bytesOf(face), { subset: true }));
  }

  /** Characters outside every embedded font become REPLACEMENT (or "?" as a last resort). */
  runs(text: string): Run[] {
    const out: Run[] = [];
    for (let ch of text.normalize("NFC")) {
      if (ch === "\n" || ch === "\r" || ch === "\t") ch = " ";
      let font = this.fontOf(ch);
      if (!font) {
        ch = this.fontOf(REPLACEMENT) ? REPLACEMENT : "?";
        font = this.fontOf(ch);
      }
      if (!font) continue;
      const last = out[out.length - 1];
      if (last && last.font === font) last.text += ch;
      else out.push({ text: ch, font });
    }
    return out;
  }

  private fontOf(ch: string): PDFFont | undefined {
    const face = this.faceFor(ch.codePointAt(0) ?? 0);
    return face ? this.embedded.get(face) : undefined;
  }

  private readonly advances = new Map<string, number>();

  /** The printed width: the sum of each character's advance, as the page draws them. */
  width(text: string, size: number): number {
    let sum = 0;
    for (const run of this.runs(text))
      for (const ch of run.text) {
        let advance = this.advances.get(ch);
        if (advance === undefined) {
          advance = run.font.widthOfTextAtSize(ch, 1);
          this.advances.set(ch, advance);
        }
        sum += advance * size;
      }
    return sum;
  }
}
