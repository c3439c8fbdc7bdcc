/**
 * The shared draft document: one Yjs XmlFragment per text field, holding the ProseMirror
 * document TipTap edits, and its conversion to and from the Markdown stored in
 * `record_drafts.text`. The editor (apps/web) and the server build the same schema from the same
 * extensions, so what one writes the other reads. Markdown is read by TipTap's own
 * `@tiptap/markdown`, and written by remark's serialiser (see writeMarkdown); the Yjs <->
 * ProseMirror step goes through y-prosemirror, the binding the editor uses (apps/web's
 * SharedField).
 */
import { type AnyExtension, getSchema, type JSONContent } from "@tiptap/core";
import { ORDERED_LIST_MARKER_PATTERN } from "@tiptap/extension-list";
import { MarkdownManager } from "@tiptap/markdown";
import StarterKit from "@tiptap/starter-kit";
import type {
  BlockContent,
  Heading,
  ListItem,
  PhrasingContent,
  Root,
  RootContent,
  Text,
} from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkStringify, { type Options as WriterOptions } from "remark-stringify";
import { unified } from "unified";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "y-prosemirror";
import * as Y from "yjs";

import type { DraftText } from "../../schemas/draft";
import { DRAFT_TEXT_FIELDS, type DraftTextField } from "./document-fields";

export { DRAFT_FIELD_MAX_CHARS, DRAFT_TEXT_FIELDS, type DraftTextField } from "./document-fields";

/**
 * The editor's extensions (StarterKit, its link included), without what only a browser needs.
 * Undo/redo stays off: with collaboration, Yjs keeps each person's own undo history.
 */
export const draftEditorExtensions: AnyExtension[] = [StarterKit.configure({ undoRedo: false })];

const schema = getSchema(draftEditorExtensions);
const markdownManager = new MarkdownManager({ extensions: draftEditorExtensions });

/**
 * A link written bare (`https://…`, `www.…`, `a@b.co`): Markdown reads such an address in a
 * sentence as a link, and writing it back as `<https://…>` or `[https://…](https://…)` would
 * change words people wrote (a vote reason quoted in the draft, a rationale) into link syntax
 * they never typed.
 */
type BareAddress = { type: "bareAddress"; value: string };
/** The editor's underline, which Markdown has no syntax for: written `<u>…</u>`, as TipTap reads it. */
type Underline = { type: "underline"; children: PhrasingContent[] };
/** GFM's strikethrough, `~~…~~`. */
type Strike = { type: "strike"; children: PhrasingContent[] };

const addressReader = unified().use(remarkParse).use(remarkGfm);

/** Whether `text` written bare reads back as a link to `href`, whole. */
function isBareAddress(text: string, href: string): boolean {
  if (href !== text && href !== `http://${text}` && href !== `mailto:${text}`) return false;
  const read = addressReader.parse(text).children[0];
  const link = read?.type === "paragraph" && read.children.length === 1 ? read.children[0] : null;
  return link?.type === "link" && link.url === href;
}

type Handle = NonNullable<NonNullable<WriterOptions["handlers"]>["text"]>;

/** An `&` that cannot start a character reference (`&amp;`, `&#42;`): Markdown reads it as itself. */
const LONE_AMPERSAND = /&(?!#[0-9]{1,7};|#[xX][0-9A-Fa-f]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)/;

/**
 * Text as remark writes it (a character escaped only where Markdown would read it as syntax),
 * except `&`: remark escapes every `&` before a letter (`R\&D`), though only `&name;`, `&#1;`
 * and `&#x1;` are references; any other `&` is written as typed.
 */
const text: Handle = (node: Text, _parent, state, info) => {
  const pieces = node.value.split(LONE_AMPERSAND);
  return pieces
    .map((piece, i) =>
      state.safe(piece, {
        ...info,
        before: i === 0 ? info.before : "&",
        after: i === pieces.length - 1 ? info.after : "&",
      }),
    )
    .join("&");
};

const bareAddress: Handle = (node) => (node as unknown as BareAddress).value;
const underline: Handle = (node, _parent, state, info) =>
  `<u>${state.containerPhrasing(node as never, { ...info, before: ">", after: "<" })}</u>`;
const strike: Handle = (node, _parent, state, info) =>
  `~~${state.containerPhrasing(node as never, { ...info, before: "~", after: "~" })}~~`;

const writerOptions: WriterOptions = {
  // TipTap's own spelling of the structure.
  bullet: "-",
  rule: "-",
  emphasis: "*",
  strong: "*",
  fence: "`",
  fences: true,
  listItemIndent: "one",
  // Node types of this writer's own (see BareAddress, Underline) have handlers as any type does.
  handlers: { text, bareAddress, underline, strike } as WriterOptions["handlers"],
  // Beyond CommonMark's own: GFM's strikethrough. An address typed in a sentence is written as it
  // is: Markdown reads it as a link to itself, as the editor makes it when it is typed.
  // The editor reads more list markers than CommonMark (`a)`, `iv.`, `No.` at a line's start): the
  // `.` or `)` after such a word is escaped, so "OK. Here is why" stays a sentence, not a list.
  unsafe: [
    { character: "~", inConstruct: "phrasing" },
    ...[".", ")"].map((character) => ({
      character,
      atBreak: true,
      before: `(?:${ORDERED_LIST_MARKER_PATTERN})`,
      after: "(?:[ \\t\\r\\n]|$)",
    })),
  ],
};
const markdownWriter = unified().use(remarkStringify, writerOptions);

/** Marks opened together nest in this order, outermost first (a link holds its bold words). */
const MARK_ORDER = ["link", "bold", "italic", "strike", "underline"];

type Mark = { type: string; attrs?: Record<string, unknown> };
const sameMark = (a: Mark, b: Mark) =>
  a.type === b.type && JSON.stringify(a.attrs ?? {}) === JSON.stringify(b.attrs ?? {});

/** The text `children` under `mark` (one of MARK_ORDER) as Markdown's node. */
function markNode(mark: Mark, children: PhrasingContent[]): PhrasingContent {
  switch (mark.type) {
    case "bold":
      return { type: "strong", children };
    case "strike":
      return { type: "strike", children } satisfies Strike as never;
    case "underline":
      return { type: "underline", children } satisfies Underline as never;
    case "link": {
      const href = String(mark.attrs?.href ?? "");
      const title = mark.attrs?.title ? String(mark.attrs.title) : null;
      const only = children.length === 1 ? children[0] : undefined;
      if (!title && only?.type === "text" && isBareAddress(only.value, href)) {
        return { type: "bareAddress", value: only.value } satisfies BareAddress as never;
      }
      return { type: "link", url: href, title, children };
    }
    default:
      return { type: "emphasis", children };
  }
}

/**
 * A paragraph's or heading's inline content as Markdown's nested nodes: ProseMirror gives each
 * run of text its set of marks; runs that share a mark become one node of that mark.
 */
function phrasing(content: JSONContent[] = []): PhrasingContent[] {
  type Open = { mark: Mark; children: PhrasingContent[] };
  const root: PhrasingContent[] = [];
  const open: Open[] = [];
  const here = () => open.at(-1)?.children ?? root;
  const close = (depth: number) => {
    while (open.length > depth) {
      const done = open.pop() as Open;
      here().push(markNode(done.mark, done.children));
    }
  };
  for (const node of content) {
    const marks = ((node.marks ?? []) as Mark[])
      .filter((m) => MARK_ORDER.includes(m.type))
      .sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type));
    // Marks already open that this run still has stay open (outermost first); the others close.
    let keep = 0;
    while (keep < open.length && marks.some((m) => sameMark(m, open[keep]?.mark as Mark))) keep++;
    close(keep);
    for (const mark of marks) {
      if (!open.some((o) => sameMark(o.mark, mark))) open.push({ mark, children: [] });
    }
    if (node.type === "hardBreak") here().push({ type: "break" });
    else if (node.type === "text" && node.text) {
      const code = (node.marks ?? []).some((m) => m.type === "code");
      here().push(
        code ? { type: "inlineCode", value: node.text } : { type: "text", value: node.text },
      );
    } else if (node.content) here().push(...phrasing(node.content));
  }
  close(0);
  return root;
}

/**
 * A paragraph's or heading's content without the spaces it starts or ends with, which Markdown
 * drops (or writes as `&#x20;`): nobody sees them, on the page or in the record.
 */
function trimmed(children: PhrasingContent[]): PhrasingContent[] {
  const first = children[0];
  if (first?.type === "text") first.value = first.value.replace(/^[ \t]+/, "");
  const last = children.at(-1);
  if (last?.type === "text") last.value = last.value.replace(/[ \t]+$/, "");
  return children.filter((child) => child.type !== "text" || child.value);
}

const textOf = (node: JSONContent): string =>
  node.text ?? (node.content ?? []).map(textOf).join(node.type === "hardBreak" ? "\n" : "");

/** One block of the document as Markdown's node (undefined: nothing to write). */
function block(node: JSONContent): RootContent | undefined {
  const blocks = () =>
    (node.content ?? []).map(block).filter((b) => b !== undefined) as BlockContent[];
  switch (node.type) {
    case "paragraph": {
      const children = trimmed(phrasing(node.content));
      return children.length ? { type: "paragraph", children } : undefined;
    }
    case "heading": {
      const depth = Math.min(6, Math.max(1, Number(node.attrs?.level ?? 1))) as Heading["depth"];
      return { type: "heading", depth, children: trimmed(phrasing(node.content)) };
    }
    case "blockquote":
      return { type: "blockquote", children: blocks() };
    case "bulletList":
    case "orderedList": {
      const ordered = node.type === "orderedList";
      const items: ListItem[] = (node.content ?? []).map((item) => ({
        type: "listItem",
        spread: false,
        children: (item.content ?? []).map(block).filter((b) => b !== undefined) as BlockContent[],
      }));
      const start = ordered ? Number(node.attrs?.start ?? 1) : null;
      return { type: "list", ordered, start, spread: false, children: items };
    }
    case "codeBlock": {
      const lang = node.attrs?.language ? String(node.attrs.language) : null;
      return { type: "code", lang, value: textOf(node) };
    }
    case "horizontalRule":
      return { type: "thematicBreak" };
    default: {
      const children = trimmed(phrasing(node.content));
      return children.length ? { type: "paragraph", children } : undefined;
    }
  }
}

/**
 * A field's document as Markdown. TipTap's own writer escapes every character that Markdown
 * ever gives a meaning, wherever it stands (`&` as `&amp;`, `_` as `\_`), and none that starts a
 * block (a paragraph `# typed` is written as a heading): a section someone edits would be stored
 * respelled, or changed. The document is written by remark's serialiser instead, which escapes a
 * character only where Markdown would read it as syntax, so the text stays as typed (`R&D`,
 * `snake_case`, `a < b`) and reads back as the same document.
 */
function writeMarkdown(fragment: Y.XmlFragment): string {
  const doc = yXmlFragmentToProsemirrorJSON(fragment) as JSONContent;
  const children = (doc.content ?? []).map(block).filter((b) => b !== undefined) as RootContent[];
  if (!children.length) return "";
  const tree: Root = { type: "root", children };
  return markdownWriter.stringify(tree).trim();
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
