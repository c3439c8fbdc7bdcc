import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { SKIP, visit } from "unist-util-visit";
import { markdownAsText } from "../draft/draft-text";
import type { RecordView } from "../record/record-view";

/**
 * What people type reaches Markdown files that documentation sites render (log4brains builds
 * one), so it goes through a Markdown serialiser, never into a template as it is:
 * - plain text (titles, names, options, rationales, consequences) is escaped, so it renders as
 *   exactly what was typed: no HTML, links, headings, rules, lists or emphasis of its own;
 * - the problem statement, which the app asks for in Markdown, stays Markdown but loses raw
 *   HTML and links outside http, https and mailto, and its headings sit below the section's.
 */

/** Link schemes a record may carry; relative links (no scheme) stay too. */
export const SAFE_URL_SCHEMES = ["http", "https", "mailto"] as const;

/**
 * Whether a link target is http, https, mailto or relative. Browsers drop control characters
 * and whitespace inside a scheme (`java\tscript:`), so they are dropped before reading it.
 */
export function isSafeUrl(url: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters browsers ignore in a URL
  const scheme = /^([^/?#]*?):/.exec(url.replace(/[\u0000-\u0020\u007f-\u009f]/g, ""));
  return (
    !scheme || (SAFE_URL_SCHEMES as readonly string[]).includes(scheme[1]?.toLowerCase() ?? "")
  );
}

/** A link destination that no space or parenthesis in the address can end early. */
export function markdownDestination(url: string): string {
  return url.replace(
    /[\s()<>]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

const textWriter = unified().use(remarkStringify, {
  // Beyond CommonMark's own: table pipes, GFM strikethrough, and a trailing `#` that an ATX
  // heading would read as its closing sequence.
  // Inside an autolink nothing is read as Markdown: there a `~` or `#` stays as typed.
  unsafe: [
    { character: "|" },
    { character: "~", notInConstruct: "autolink" },
    { character: "#", after: "#*(?:[\\r\\n]|$)", notInConstruct: "autolink" },
  ],
});

/**
 * Plain text as Markdown source that renders as the same text. Paragraphs (blank lines) and line
 * breaks are kept; spaces around each line, which Markdown would drop or read as code, are not.
 */
export function markdownText(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean)
        .join("\n"),
    )
    .filter(Boolean);
  if (!paragraphs.length) return "";
  const tree: Root = {
    type: "root",
    children: paragraphs.map((value) => ({ type: "paragraph", children: withAddresses(value) })),
  };
  return textWriter.stringify(tree).trimEnd();
}

/**
 * A web address in plain text: http or https, then everything up to a space or an angle
 * bracket, not glued to a word before it. Punctuation at its end (`.`, `,`, `)`...) is left to
 * the sentence, as GFM's own autolinks leave it.
 */
const ADDRESS = /(?<![\p{L}\p{N}])https?:\/\/[^\s<>]+/giu;
const TRAILING = /[!"'*,.:;?_~]$/;

/** `address` without the punctuation that ends its sentence, and a `)` it does not open. */
function addressEnd(address: string): string {
  let end = address;
  for (;;) {
    if (TRAILING.test(end)) end = end.slice(0, -1);
    else if (end.endsWith(")") && end.split("(").length < end.split(")").length)
      end = end.slice(0, -1);
    else return end;
  }
}

/**
 * Text with each web address in it as a link whose text is the address itself, which the writer
 * prints as an autolink, `<https://example.com/a_b>`: the address stays exactly as typed, once,
 * where escaping it as text (`a\_b`) would break the link GFM makes of a bare address and show
 * the backslashes to anyone reading the file or its plain text.
 */
function withAddresses(value: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let from = 0;
  for (const match of value.matchAll(ADDRESS)) {
    const address = addressEnd(match[0]);
    // A `|` would end a table cell even inside an autolink: such an address stays escaped text.
    if (!/^https?:\/\/[^/?#]/i.test(address) || address.includes("|")) continue;
    if (match.index > from) out.push({ type: "text", value: value.slice(from, match.index) });
    out.push({ type: "link", url: address, children: [{ type: "text", value: address }] });
    from = match.index + address.length;
  }
  if (from < value.length) out.push({ type: "text", value: value.slice(from) });
  return out;
}

/** One line of plain text (a title, a name, a list item): line breaks read as spaces. */
export function markdownLine(text: string): string {
  return markdownText(text.replace(/\s*[\r\n]\s*/g, " "));
}

const headingWriter = unified().use(remarkStringify, {
  // As markdownText, but a pipe stays a pipe: a heading or a link's text is never a table cell,
  // and adr-tools shows titles as written in its index and graph.
  unsafe: [
    { character: "~" },
    { character: "#", after: "#*(?:[\\r\\n]|$)" },
    { character: "]", inConstruct: "phrasing" },
  ],
});

/** A title as one line of Markdown for a heading or a link's text (see headingWriter). */
export function markdownHeading(text: string): string {
  const value = text.replace(/\s+/g, " ").trim();
  if (!value) return "";
  const tree: Root = {
    type: "root",
    children: [{ type: "paragraph", children: [{ type: "text", value }] }],
  };
  return headingWriter.stringify(tree).trimEnd();
}

/** Nodes whose children are blocks: raw HTML there becomes a paragraph, elsewhere text. */
const FLOW_PARENTS = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);

const markdownReader = unified().use(remarkParse).use(remarkGfm);
const markdownWriters = {
  "*": unified().use(remarkGfm).use(remarkStringify, { bullet: "*" }),
  "-": unified().use(remarkGfm).use(remarkStringify, { bullet: "-" }),
};

/**
 * Markdown a person wrote, made safe to publish: raw HTML becomes visible text, links and images
 * outside http, https and mailto become their text, and headings move below `minDepth` (the
 * section the text sits in) keeping their relative levels. Written back by the same parser's
 * serialiser, so nothing (an unclosed code fence, say) runs on into the rest of the record.
 */
export function safeMarkdown(
  source: string,
  { minDepth = 3, bullet = "*" as "*" | "-" } = {},
): string {
  const tree = markdownReader.parse(source);
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === "html") {
      const text = { type: "text" as const, value: node.value };
      const replacement: RootContent = FLOW_PARENTS.has(parent.type)
        ? ({ type: "paragraph", children: [text] } satisfies Paragraph)
        : text;
      parent.children.splice(index, 1, replacement as never);
      return SKIP;
    }
    if ((node.type === "link" || node.type === "definition") && !isSafeUrl(node.url)) {
      const children: PhrasingContent[] = node.type === "link" ? node.children : [];
      parent.children.splice(index, 1, ...(children as never[]));
      return [SKIP, index];
    }
    if (node.type === "image" && !isSafeUrl(node.url)) {
      parent.children.splice(index, 1, { type: "text", value: node.alt ?? "" } as never);
      return SKIP;
    }
  });
  const headings: Heading[] = [];
  visit(tree, "heading", (h) => {
    headings.push(h);
  });
  const shift = Math.max(0, minDepth - Math.min(...headings.map((h) => h.depth)));
  for (const h of headings) h.depth = Math.min(6, h.depth + shift) as Heading["depth"];
  return markdownWriters[bullet].stringify(tree).trim();
}

/**
 * The record as the exports print it. A record accepted from a shared draft keeps its rationale,
 * consequences and confirmation as the draft's Markdown, which the record page renders; the
 * exports print these as text, so they take the text that Markdown shows: a character the
 * Markdown escapes (`\*`, `\[`) or spells as a reference (`&amp;`) is printed once, as typed,
 * and then escaped once more only where a Markdown export needs it.
 */
export function shownRecordText(view: RecordView): RecordView {
  const d = view.decision;
  if (!d?.fromDraft) return view;
  const items = (list: string[]) => list.map(markdownAsText).filter(Boolean);
  return {
    ...view,
    decision: {
      ...d,
      rationale: markdownAsText(d.rationale),
      consequences: {
        good: items(d.consequences.good),
        neutral: items(d.consequences.neutral),
        bad: items(d.consequences.bad),
      },
      confirmation: d.confirmation === null ? null : markdownAsText(d.confirmation) || null,
    },
  };
}

/**
 * The record view with every text a person typed written as safe Markdown (see above), for the
 * Markdown formats. Keys, numbers, dates and statuses are left as they are, and so are the
 * titles of linked records, which the formats name by file name; links outside http, https
 * and mailto are left out. Lists in the problem statement use `bullet` as their marker.
 */
export function markdownSafeView(
  typed: RecordView,
  { bullet = "*" as "*" | "-" } = {},
): RecordView {
  const view = shownRecordText(typed);
  // Names repeat on every vote of a member: each distinct text is written once.
  const once = (write: (t: string) => string) => {
    const written = new Map<string, string>();
    return (t: string) => {
      const known = written.get(t);
      if (known !== undefined) return known;
      const out = write(t);
      written.set(t, out);
      return out;
    };
  };
  const text = once(markdownText);
  const line = once(markdownLine);
  const optional = (t: string | null, write = text) => (t === null ? null : write(t));
  const named = <T extends { name: string }>(people: T[]) =>
    people.map((p) => ({ ...p, name: line(p.name) }));
  const d = view.decision;
  return {
    ...view,
    team: { ...view.team, name: line(view.team.name) },
    project: {
      ...view.project,
      title: line(view.project.title),
      context: safeMarkdown(view.project.context, { bullet }),
    },
    options: view.options.map((o) => ({
      ...o,
      name: line(o.name),
      description: text(o.description),
    })),
    criteria: view.criteria.map((c) => ({
      ...c,
      name: line(c.name),
      description: text(c.description),
      anchorLow: optional(c.anchorLow, line),
      anchorHigh: optional(c.anchorHigh, line),
    })),
    votes:
      view.votes?.map((v) => ({
        ...v,
        member: line(v.member),
        rationale: optional(v.rationale),
      })) ?? null,
    decision: d && {
      ...d,
      rationale: text(d.rationale),
      justification: optional(d.justification),
      consequences: {
        good: d.consequences.good.map(line),
        neutral: d.consequences.neutral.map(line),
        bad: d.consequences.bad.map(line),
      },
      decisionMakers: named(d.decisionMakers),
      consulted: named(d.consulted),
      informed: named(d.informed),
      confirmation: optional(d.confirmation),
      links: d.links
        .filter((l) => isSafeUrl(l.url))
        .map((l) => ({ label: line(l.label), url: markdownDestination(l.url) })),
      decidedBy: optional(d.decidedBy, line),
      moreInformation: d.moreInformation ? safeMarkdown(d.moreInformation, { bullet }) : null,
      approvals: d.approvals?.map((a) => ({ ...a, name: line(a.name) })) ?? [],
      revisedBy: d.revisedBy ? { ...d.revisedBy, name: optional(d.revisedBy.name, line) } : null,
      overrideReason: optional(d.overrideReason ?? null),
    },
  };
}
