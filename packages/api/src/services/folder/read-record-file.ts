import type { Heading, List, ListItem, Root, RootContent } from "mdast";
import { toString as plainText } from "mdast-util-to-string";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { parse as parseYaml } from "yaml";
import { STATUS_PLACES } from "../record/record-source";

/**
 * Reads one file of a docs/decisions folder written by adr-tools (Nygard's template), MADR 2
 * to 4 or log4brains, through a Markdown parser (remark) and a YAML parser for the front
 * matter: the record's fields, and its body as written. A file that is not a decision record
 * gets a reason instead.
 */
export type ParsedRecord = {
  fileName: string;
  /** How the file writes its title and status (MADR 2's `* Status:` bullets read as log4brains). */
  format: "madr" | "log4brains" | "nygard";
  /** From `0001-title.md` or adr-tools' `# 1. Title`; null where the file has none (log4brains). */
  number: number | null;
  title: string;
  status: RecordStatusWord;
  date: string;
  decisionMakers: string[];
  consulted: string[];
  informed: string[];
  tags: string[];
  context: string;
  options: string[];
  chosen: string | null;
  rationale: string;
  consequences: { good: string[]; neutral: string[]; bad: string[] };
  /** File names this record links to as superseded / superseding, as written. */
  supersedes: string[];
  supersededBy: string[];
  /** See RecordSource.body. */
  body: string[];
  /** See RecordSource.statusLayout (adr-tools' Status section). */
  statusLayout?: string[];
};

/** The statuses of MADR and log4brains (log4brains' `draft` is MADR's `proposed`). */
export const RECORD_STATUS_WORDS = [
  "proposed",
  "accepted",
  "rejected",
  "deprecated",
  "superseded",
  "draft",
] as const;
export type RecordStatusWord = (typeof RECORD_STATUS_WORDS)[number];

export type ReadOutcome = { record: ParsedRecord } | { reason: string };

const parser = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm);

const NOT_A_RECORD =
  "not a decision record: no status found (MADR front matter `status:`, a `- Status:` line under the title as log4brains and MADR 2 write it, or an adr-tools `## Status` section)";

const start = (node: { position?: { start: { offset?: number } } }) =>
  node.position?.start.offset ?? 0;
const end = (node: { position?: { end: { offset?: number } } }) => node.position?.end.offset ?? 0;

/** `YYYY-MM-DD`, from a string or a YAML date. */
function isoDay(raw: unknown): string | null {
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) return raw.toISOString().slice(0, 10);
  if (typeof raw !== "string") return null;
  const text = raw.trim().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const parsed = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text ? null : text;
}

/** People as a YAML list or one comma-separated string. */
function names(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(",") : [];
  return list
    .filter((n): n is string | number => typeof n === "string" || typeof n === "number")
    .map((n) => String(n).trim())
    .filter(Boolean)
    .slice(0, 50);
}

/** Tags: lower-case words joined by dashes; anything else is left out. */
export function tagList(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(/[,\s]+/) : [];
  const tags = list
    .filter((t): t is string => typeof t === "string")
    .map((t) =>
      t
        .trim()
        .toLowerCase()
        .replace(/[\s_]+/g, "-"),
    )
    .filter((t) => /^[a-z0-9][a-z0-9-]{0,29}$/.test(t));
  return [...new Set(tags)].slice(0, 20);
}

/** The file name a link points at, when it is a Markdown file beside this one. */
function linkedFile(url: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(url.split("#")[0] ?? "");
  } catch {
    return null;
  }
  path = path.replace(/^\.\//, "");
  if (!path.endsWith(".md") || path.includes("/") || path.includes("\\")) return null;
  return path;
}

function linksIn(node: RootContent | Root | ListItem): string[] {
  const out: string[] = [];
  visit(node, "link", (link) => {
    const file = linkedFile(link.url);
    if (file) out.push(file);
  });
  return out;
}

function statusWord(text: string): RecordStatusWord | null {
  const word =
    text
      .trim()
      .split(/[\s,.:;]+/)[0]
      ?.toLowerCase() ?? "";
  return (RECORD_STATUS_WORDS as readonly string[]).includes(word)
    ? (word as RecordStatusWord)
    : null;
}

type Section = { name: string; heading: Heading; nodes: RootContent[] };

/** The document's `##` sections, each with the nodes under it. */
function sections(children: RootContent[]): Section[] {
  const out: Section[] = [];
  for (const node of children) {
    if (node.type === "heading" && node.depth <= 2) {
      if (node.depth === 2) out.push({ name: plainText(node).trim(), heading: node, nodes: [] });
      continue;
    }
    out.at(-1)?.nodes.push(node);
  }
  return out;
}

const find = (all: Section[], ...names: string[]) =>
  all.find((s) => names.some((n) => s.name.toLowerCase() === n.toLowerCase()));

/** A section's content as Markdown, exactly as written. */
function sourceOf(text: string, nodes: RootContent[]): string {
  const first = nodes[0];
  const last = nodes.at(-1);
  return first && last ? text.slice(start(first), end(last)).trim() : "";
}

/** "Good, because ..." list items (MADR; also MADR 2's Positive/Negative Consequences). */
function consequences(nodes: RootContent[]) {
  const out = { good: [] as string[], neutral: [] as string[], bad: [] as string[] };
  let kind: keyof typeof out | null = null;
  for (const node of nodes) {
    if (node.type === "heading") {
      const name = plainText(node).toLowerCase();
      kind = name.startsWith("positive") ? "good" : name.startsWith("negative") ? "bad" : null;
      if (name === "consequences") kind = null;
      continue;
    }
    if (node.type !== "list") continue;
    for (const item of node.children) {
      const line = plainText(item).replace(/\s+/g, " ").trim();
      const prefixed = /^(Good|Neutral|Bad), because (.+)$/i.exec(line);
      if (prefixed?.[1] && prefixed[2]) {
        out[prefixed[1].toLowerCase() as keyof typeof out].push(prefixed[2]);
      } else if (kind && line) out[kind].push(line);
    }
  }
  return out;
}

/** The nodes of the Decision Outcome section from its `### Consequences` on. */
function consequenceNodes(section: Section | undefined): RootContent[] {
  if (!section) return [];
  const at = section.nodes.findIndex(
    (n) => n.type === "heading" && /consequences/i.test(plainText(n)),
  );
  return at < 0 ? [] : section.nodes.slice(at);
}

/** `Chosen option: "Name", because reason` (MADR's own sentence). */
function chosenOption(section: Section | undefined): { chosen: string | null; rationale: string } {
  const first = section?.nodes.find((n) => n.type === "paragraph");
  const line = first ? plainText(first).replace(/\s+/g, " ").trim() : "";
  const lead = "Chosen option: ";
  if (!line.startsWith(lead)) return { chosen: null, rationale: line };
  const rest = line.slice(lead.length);
  const quoted = rest.startsWith('"') ? rest.indexOf('"', 1) : -1;
  const because = rest.indexOf(", because ");
  const chosen =
    quoted > 0 ? rest.slice(1, quoted) : because > 0 ? rest.slice(0, because) : rest.trim();
  const rationale = because >= 0 ? rest.slice(because + ", because ".length).trim() : "";
  return { chosen: chosen.trim() || null, rationale };
}

/**
 * The body after the header, in two parts around its "Supersedes [..](..)" / "Superseded by
 * [..](..)" paragraphs (their links are returned too).
 */
function bodyParts(text: string, children: RootContent[], from: number) {
  const supersedes: string[] = [];
  const supersededBy: string[] = [];
  let first: RootContent | null = null;
  let last: RootContent | null = null;
  for (const node of children) {
    if (start(node) < from) continue;
    const line = node.type === "paragraph" ? plainText(node).trim() : "";
    const label = line.startsWith("Superseded by ")
      ? "by"
      : line.startsWith("Supersedes ")
        ? "of"
        : null;
    const links = label ? linksIn(node) : [];
    if (label && links.length && (!last || last === previous(children, node))) {
      (label === "by" ? supersededBy : supersedes).push(...links);
      first ??= node;
      last = node;
    }
  }
  const body =
    first && last ? [text.slice(from, start(first)), text.slice(end(last))] : [text.slice(from)];
  return { body, supersedes, supersededBy };
}

const previous = (children: RootContent[], node: RootContent) =>
  children[children.indexOf(node) - 1] ?? null;

/** The `Status:` / `Date:` / `Deciders:` / `Tags:` bullets under a log4brains or MADR 2 title. */
function bulletFields(list: List): Map<string, ListItem> | null {
  const fields = new Map<string, ListItem>();
  for (const item of list.children) {
    const text = plainText(item).trim();
    const colon = text.indexOf(":");
    if (colon > 0) fields.set(text.slice(0, colon).trim().toLowerCase(), item);
  }
  return fields.has("status") ? fields : null;
}

const afterColon = (item: ListItem | undefined) => {
  const text = item ? plainText(item).trim() : "";
  return text.slice(text.indexOf(":") + 1).trim();
};

/** Reads one file's text; `fileName` is its name in the folder. */
export function readRecordFile(fileName: string, text: string): ReadOutcome {
  const tree = parser.parse(text) as Root;
  const children = tree.children;
  let front: Record<string, unknown> | null = null;
  const yamlNode = children[0]?.type === "yaml" ? children[0] : null;
  if (yamlNode) {
    let parsed: unknown;
    try {
      parsed = parseYaml(yamlNode.value, { maxAliasCount: 10 });
    } catch (error) {
      const why = error instanceof Error ? (error.message.split("\n")[0] ?? "") : "";
      return {
        reason: `broken front matter: the YAML between the --- lines does not parse (${why})`,
      };
    }
    if (parsed !== null && (typeof parsed !== "object" || Array.isArray(parsed)))
      return { reason: "broken front matter: it is not a list of `field: value` lines" };
    front = (parsed ?? {}) as Record<string, unknown>;
  }
  const titleAt = children.findIndex((n) => n.type === "heading" && n.depth === 1);
  const h1 = children[titleAt] as Heading | undefined;
  if (!h1) return { reason: "not a decision record: it has no `# title`" };
  let title = plainText(h1).replace(/\s+/g, " ").trim();
  const all = sections(children);
  const fromName = /^(\d{1,6})-/.exec(fileName);
  let number = fromName?.[1] ? Number(fromName[1]) : null;

  let format: ParsedRecord["format"];
  let status: RecordStatusWord | null;
  let statusText: string;
  let date: string | null;
  let rawDate: unknown;
  const people = {
    decisionMakers: [] as string[],
    consulted: [] as string[],
    informed: [] as string[],
  };
  let tags: string[] = [];
  const links = { supersedes: [] as string[], supersededBy: [] as string[] };
  const statusLayout: string[] = [];
  let bodyFrom: number;
  const next = children[titleAt + 1];
  const bullets = next?.type === "list" ? bulletFields(next) : null;

  if (front && ("status" in front || "date" in front)) {
    format = "madr";
    statusText = typeof front.status === "string" ? front.status : "";
    status = statusText ? statusWord(statusText) : "accepted";
    rawDate = front.date;
    date = isoDay(rawDate);
    people.decisionMakers = names(front["decision-makers"] ?? front.deciders);
    people.consulted = names(front.consulted);
    people.informed = names(front.informed);
    tags = tagList(front.tags);
    // Only a superseded status names records; parsing it costs as much as a short file.
    if (status === "superseded")
      links.supersededBy.push(...linksIn(parser.parse(statusText) as Root));
    bodyFrom = end(h1);
  } else if (bullets && next) {
    format = "log4brains";
    const item = bullets.get("status");
    statusText = afterColon(item);
    status = statusWord(statusText);
    rawDate = afterColon(bullets.get("date"));
    date = isoDay(rawDate);
    people.decisionMakers = names(afterColon(bullets.get("deciders")));
    tags = tagList(afterColon(bullets.get("tags")));
    if (item && status === "superseded") links.supersededBy.push(...linksIn(item));
    bodyFrom = end(next);
  } else {
    const statusSection = find(all, "Status");
    const numbered = /^(\d{1,6})\.\s+(.+)$/.exec(title);
    if (!statusSection || !numbered?.[1] || !numbered[2]) return { reason: NOT_A_RECORD };
    format = "nygard";
    number = Number(numbered[1]);
    title = numbered[2];
    const dateLine = children
      .slice(titleAt + 1, children.indexOf(statusSection.heading))
      .map((n) => (n.type === "paragraph" ? plainText(n).trim() : ""))
      .find((line) => line.startsWith("Date:"));
    rawDate = dateLine?.slice("Date:".length).trim() ?? "";
    date = isoDay(rawDate);
    status = null;
    statusText = "";
    for (const node of statusSection.nodes) {
      const line = node.type === "paragraph" ? plainText(node).trim() : "";
      if (line.startsWith("Superseded by")) {
        links.supersededBy.push(...linksIn(node));
        status = "superseded";
        statusLayout.push(STATUS_PLACES.supersededBy);
      } else if (line.startsWith("Supersedes")) {
        links.supersedes.push(...linksIn(node));
        statusLayout.push(STATUS_PLACES.supersedes);
      } else if (line && !status && statusWord(line)) {
        statusText = line;
        status = statusWord(line);
        statusLayout.push(STATUS_PLACES.status);
      } else {
        if (line && !status) statusText = line;
        // Anything else adr-tools keeps there (`adr link`'s "Amends [..](..)") stays as written.
        statusLayout.push(text.slice(start(node), end(node)));
      }
    }
    const after = all[all.indexOf(statusSection) + 1];
    bodyFrom = after ? start(after.heading) : text.length;
  }
  if (!status)
    return {
      reason: `status "${statusText.slice(0, 60)}" is not one of ${RECORD_STATUS_WORDS.join(", ")}`,
    };
  // A day written as one but missing from the calendar (2026-02-30): say so, not "no date".
  const written =
    typeof rawDate === "string" ? /^\d{4}-\d{2}-\d{2}/.exec(rawDate.trim())?.[0] : null;
  if (!date && written)
    return {
      reason: `date ${written} is not a day of the calendar: check the month and day (YYYY-MM-DD)`,
    };
  if (!date)
    return {
      reason:
        format === "madr"
          ? "no date: the front matter needs `date: YYYY-MM-DD`"
          : "no date: the record needs a `Date: YYYY-MM-DD` line",
    };
  if (!title) return { reason: "not a decision record: its title is empty" };

  const body = bodyParts(text, children, bodyFrom);
  const outcome = find(all, "Decision Outcome", "Decision");
  const options = (() => {
    const list = find(all, "Considered Options")?.nodes.find((n) => n.type === "list");
    return list?.type === "list"
      ? list.children.map((i) => plainText(i).replace(/\s+/g, " ").trim()).filter(Boolean)
      : [];
  })();
  const picked =
    format === "nygard"
      ? { chosen: null, rationale: plainText({ type: "root", children: outcome?.nodes ?? [] }) }
      : chosenOption(outcome);
  const consequenceSource =
    format === "nygard" ? (find(all, "Consequences")?.nodes ?? []) : consequenceNodes(outcome);
  const unique = (list: string[]) => [...new Set(list)];
  return {
    record: {
      fileName,
      format,
      number,
      title,
      status,
      date,
      ...people,
      tags,
      context: sourceOf(text, find(all, "Context and Problem Statement", "Context")?.nodes ?? []),
      options: unique(options),
      chosen: picked.chosen,
      rationale: picked.rationale.replace(/\s+\n/g, "\n").trim(),
      consequences: consequences(consequenceSource),
      // The body lists every link in order; log4brains' status names only the latest.
      supersedes: unique([...body.supersedes, ...links.supersedes]),
      supersededBy: unique([...body.supersededBy, ...links.supersededBy]),
      body: body.body,
      ...(format === "nygard" ? { statusLayout } : {}),
    },
  };
}
