// @vitest-environment jsdom
/**
 * Two people typing into one field of the draft at once, as the draft page binds it (StarterKit
 * and SharedField on one Yjs fragment), with their edits crossing in every order: two editors in
 * jsdom whose documents exchange Yjs updates when a seeded random schedule says so, between
 * single keystrokes. Each schedule is replayed exactly on every run.
 */
import { seededRandom } from "@tradeoff/scoring";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { cursorAtEnd, fieldEditor, settle } from "./test-editors";

const PREFILLED = "Prefilled reason.";
const ALICE = "Alice says FastAPI is faster.";
const BOB = "Bob says DRF has the admin.";
const SCHEDULES = 40;

/**
 * Alice and Bob each put their cursor at the end of the prefilled paragraph and press Enter
 * (`splitsCross`: before either has received the other's new line), then type their sentence one
 * keystroke at a time while updates cross at random. Returns both editors' final text
 * (paragraphs joined by "|").
 */
async function typeAtOnce(seed: number, splitsCross: boolean) {
  const docs = [new Y.Doc(), new Y.Doc()] as const;
  const outbox: [Uint8Array[], Uint8Array[]] = [[], []];
  docs.forEach((doc, i) => {
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== "remote") outbox[i]?.push(update);
    });
  });
  const deliver = (from: 0 | 1) => {
    const to = docs[from === 0 ? 1 : 0];
    for (const update of outbox[from].splice(0)) Y.applyUpdate(to, update, "remote");
  };
  const alice = fieldEditor(docs[0]);
  await settle();
  alice.commands.setContent(`<p>${PREFILLED}</p>`);
  await settle();
  deliver(0);
  const bob = fieldEditor(docs[1]);
  await settle();
  deliver(1);
  deliver(0);
  await settle();
  expect(bob.getText()).toBe(PREFILLED);

  cursorAtEnd(alice);
  alice.commands.splitBlock();
  if (!splitsCross) deliver(0);
  cursorAtEnd(bob);
  bob.commands.splitBlock();
  // Seeded, so a failing schedule can be replayed by its number.
  const random = seededRandom(seed);
  let a = 0;
  let b = 0;
  while (a < ALICE.length || b < BOB.length) {
    const step = random();
    if (step < 0.3 && a < ALICE.length) alice.commands.insertContent(ALICE.charAt(a++));
    else if (step < 0.6 && b < BOB.length) bob.commands.insertContent(BOB.charAt(b++));
    else deliver(step < 0.8 ? 0 : 1);
    if (random() < 0.3) await settle();
  }
  deliver(0);
  deliver(1);
  deliver(0);
  await settle();
  const texts = [alice, bob].map((editor) => editor.getText({ blockSeparator: "|" }));
  alice.destroy();
  bob.destroy();
  return texts;
}

/** Each sentence whole, in order, in both editors, which agree. */
function keptWhole([alice, bob]: string[]) {
  return alice === bob && !!alice?.includes(ALICE) && alice.includes(BOB);
}

describe("two people typing into one draft field at once", () => {
  // One row per schedule of the two new lines: the name, and whether the splits cross.
  it.each([
    [
      `keeps every keystroke of both, in order, when one's new line reached the other first (${SCHEDULES} schedules)`,
      false,
    ],
    // The case @tiptap/y-tiptap 3.3.0, the binding under TipTap's Collaboration extension, broke
    // (a doubled character, or one moved to the end of the line, in about one schedule in seven):
    // both press Enter at the same spot before either sees the other's new line.
    [
      `keeps every keystroke of both when both start a new line at the same spot before either sees the other's (${SCHEDULES} schedules)`,
      true,
    ],
  ] as const)(
    "%s",
    async (_title, splitsCross) => {
      const broken: number[] = [];
      for (let seed = 0; seed < SCHEDULES; seed++) {
        const texts = await typeAtOnce(seed, splitsCross);
        expect(texts[0]).toBe(texts[1]);
        if (!keptWhole(texts)) broken.push(seed);
      }
      expect(broken).toEqual([]);
    },
    120_000,
  );
});
