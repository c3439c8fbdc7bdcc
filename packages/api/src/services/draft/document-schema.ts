/**
 * The shared draft document: one Yjs XmlFragment per text field, holding the ProseMirror
 * document TipTap edits, and its conversion to and from the Markdown stored in
 * `record_drafts.text`. The editor (apps/web) and the server build the same schema from the same
 * extensions, so what one writes the other reads. Markdown goes through TipTap's own
 * `@tiptap/markdown`, and the Yjs <-> ProseMirror step through y-prosemirror, the binding the
 * editor uses (apps/web's SharedField).
 */
import {
  type AnyExtension,
  getSchema,
  type JSONContent,
  type MarkdownRendererHelpers,
  type RenderContext,
} from "@tiptap/core";
import Link from "@tiptap/extension-link";
import { MarkdownManager } from "@tiptap/markdown";
import StarterKit from "@tiptap/starter-kit";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "y-prosemirror";
import * as Y from "yjs";

import type { DraftText } from "../../schemas/draft";
import { DRAFT_TEXT_FIELDS, type DraftTextField } from "./document-fields";

export { DRAFT_FIELD_MAX_CHARS, DRAFT_TEXT_FIELDS, type DraftTextField } from "./document-fields";

/**
 * StarterKit's link (the same mark, so the same schema as the editor's), written back to Markdown
 * as the bare address when it was one: Markdown reads `https://…`, `www.…` and `a@b.co` typed in
 * a sentence as links, and writing them back as `[https://…](https://…)` would change words
 * people wrote (a vote reason quoted in the draft, a rationale) into link syntax they never typed.
 */
const DraftLink = Link.extend({
  renderMarkdown(node: JSONContent, helpers: MarkdownRendererHelpers, context: RenderContext) {
    const href = String(node.attrs?.href ?? "");
    // TipTap renders a mark's opening and closing around its text: nothing around it leaves it bare.
    const text = context.meta?.markText;
    if (typeof text === "string" && !node.attrs?.title && isBareAddress(text, href)) {
      return helpers.renderChildren(node);
    }
    const title = node.attrs?.title ? ` "${String(node.attrs.title)}"` : "";
    return `[${helpers.renderChildren(node)}](${href}${title})`;
  },
});

/**
 * The editor's extensions, without what only a browser needs. Undo/redo stays off: with
 * collaboration, Yjs keeps each person's own undo history.
 */
export const draftEditorExtensions: AnyExtension[] = [
  StarterKit.configure({ undoRedo: false, link: false }),
  DraftLink,
];

const schema = getSchema(draftEditorExtensions);
const markdownManager = new MarkdownManager({ extensions: draftEditorExtensions });

/**
 * Whether `text` written bare reads back as this same link, whole: an address Markdown itself
 * makes a link of (what `parse` made of one in a sentence, or the editor's autolink of one typed).
 * Text with characters the Markdown writer escapes keeps the `[text](href)` form.
 */
function isBareAddress(text: string, href: string): boolean {
  if (!text || /[\s\\`*_[\]~&<>]/.test(text)) return false;
  if (href !== text && href !== `http://${text}` && href !== `mailto:${text}`) return false;
  const read = markdownManager.parse(text).content?.[0]?.content;
  const link = read?.length === 1 ? read[0] : undefined;
  const mark = link?.marks?.length === 1 ? link.marks[0] : undefined;
  return link?.text === text && mark?.type === "link" && mark.attrs?.href === href;
}

/** The Markdown of each text field of a document (empty fields are ""). */
export function documentText(doc: Y.Doc): DraftText {
  const text = {} as DraftText;
  for (const field of DRAFT_TEXT_FIELDS) {
    text[field] = writeMarkdown(doc.getXmlFragment(field));
  }
  return text;
}

/**
 * Whether a field's document, written as `markdown`, is the stored Markdown `stored` as the
 * editor reads it: the document seeded from `stored` writes exactly `markdown`. Markdown has many
 * spellings of one text (`_a_` and `*a*`, `&` and `&amp;`), and the writer picks one: a field
 * that reads the same keeps the text stored as people typed it, so opening the editor, which
 * reads and writes the document, changes no stored text and no approval.
 */
export function documentReadsAs(stored: string, markdown: string): boolean {
  if (!stored.trim()) return !markdown;
  const doc = new Y.Doc();
  try {
    const fragment = doc.getXmlFragment("field");
    prosemirrorJSONToYXmlFragment(schema, markdownManager.parse(stored), fragment);
    return writeMarkdown(fragment) === markdown;
  } finally {
    doc.destroy();
  }
}

const writeMarkdown = (fragment: Y.XmlFragment) =>
  markdownManager.serialize(yXmlFragmentToProsemirrorJSON(fragment)).trim();

/** The Markdown of each text field of the document that `updates` (stored rows, in order) make. */
export function documentTextOfUpdates(updates: Uint8Array[]): DraftText {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, Y.mergeUpdates(updates));
    return documentText(doc);
  } finally {
    doc.destroy();
  }
}

/** How many characters each field holds, as a reader counts them (its plain text). */
export function documentFieldLengths(doc: Y.Doc): Record<DraftTextField, number> {
  const lengths = {} as Record<DraftTextField, number>;
  for (const field of DRAFT_TEXT_FIELDS) {
    const node = schema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(field)));
    lengths[field] = node.textContent.length;
  }
  return lengths;
}

/** A first Yjs update holding `text`: how a draft's document starts from its prefilled Markdown. */
export function seedUpdate(text: DraftText): Uint8Array {
  const doc = new Y.Doc();
  for (const field of DRAFT_TEXT_FIELDS) {
    if (!text[field].trim()) continue;
    prosemirrorJSONToYXmlFragment(
      schema,
      markdownManager.parse(text[field]),
      doc.getXmlFragment(field),
    );
  }
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * The update that replaces `fields` of the document `updates` make with their Markdown: what a
 * server-side rewrite of a section appends, for every open editor to apply.
 */
export function replaceFieldsUpdate(
  updates: Uint8Array[],
  fields: Partial<Record<DraftTextField, string>>,
): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, Y.mergeUpdates(updates));
    const before = Y.encodeStateVector(doc);
    doc.transact(() => {
      for (const [field, text] of Object.entries(fields)) {
        const fragment = doc.getXmlFragment(field);
        fragment.delete(0, fragment.length);
        if (text?.trim()) {
          prosemirrorJSONToYXmlFragment(schema, markdownManager.parse(text), fragment);
        }
      }
    });
    return Y.encodeStateAsUpdate(doc, before);
  } finally {
    doc.destroy();
  }
}
