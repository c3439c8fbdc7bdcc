/**
 * The shared draft document: one Yjs XmlFragment per text field, holding the ProseMirror
 * document TipTap edits, and its conversion to and from the Markdown stored in
 * `record_drafts.text`. The editor (apps/web) and the server build the same schema from the same
 * extensions, so what one writes the other reads. Markdown goes through TipTap's own
 * `@tiptap/markdown`, and the Yjs <-> ProseMirror step through y-prosemirror, the binding the
 * editor uses (apps/web's SharedField).
 */
import { type AnyExtension, getSchema } from "@tiptap/core";
import { MarkdownManager } from "@tiptap/markdown";
import StarterKit from "@tiptap/starter-kit";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "y-prosemirror";
import * as Y from "yjs";

import type { DraftText } from "../../schemas/draft";
import { DRAFT_TEXT_FIELDS, type DraftTextField } from "./document-fields";

export { DRAFT_FIELD_MAX_CHARS, DRAFT_TEXT_FIELDS, type DraftTextField } from "./document-fields";

/**
 * The editor's extensions, without what only a browser needs. Undo/redo stays off: with
 * collaboration, Yjs keeps each person's own undo history.
 */
export const draftEditorExtensions: AnyExtension[] = [StarterKit.configure({ undoRedo: false })];

const schema = getSchema(draftEditorExtensions);
const markdown = new MarkdownManager({ extensions: draftEditorExtensions });

/** The Markdown of each text field of a document (empty fields are ""). */
export function documentText(doc: Y.Doc): DraftText {
  const text = {} as DraftText;
  for (const field of DRAFT_TEXT_FIELDS) {
    const json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(field));
    text[field] = markdown.serialize(json).trim();
  }
  return text;
}

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
    prosemirrorJSONToYXmlFragment(schema, markdown.parse(text[field]), doc.getXmlFragment(field));
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
          prosemirrorJSONToYXmlFragment(schema, markdown.parse(text), fragment);
        }
      }
    });
    return Y.encodeStateAsUpdate(doc, before);
  } finally {
    doc.destroy();
  }
}
