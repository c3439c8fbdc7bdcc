import type { RouterOutputs } from "@tradeoff/api";

type Templates = RouterOutputs["project"]["templates"];
type TemplateLike = Pick<Templates["builtIn"][number], "options" | "criteria">;

export type Method = "WEIGHTED_MEAN" | "MEDIAN" | "BORDA";
export type VotingMode = "OPEN" | "BLIND";

export type OptionDraft = { key?: string; name: string; description: string };
export type CriterionDraft = {
  key?: string;
  name: string;
  description: string;
  defaultWeight: number;
  guidance: Record<string, { summary: string; suggestedScore?: number }>;
  anchorLow: string;
  anchorHigh: string;
  mustHave: boolean;
};

/** Everything the project form edits: one form state for a new decision or a draft. */
export type Draft = {
  title: string;
  context: string;
  templateKey: string | null;
  options: OptionDraft[];
  criteria: CriterionDraft[];
  /** `<input type="datetime-local">`'s value: a local date and time, or "". */
  deadline: string;
  quorum: number | null;
  method: Method;
  votingMode: VotingMode;
};

export const blankOption = (): OptionDraft => ({ name: "", description: "" });
export const blankCriterion = (): CriterionDraft => ({
  name: "",
  description: "",
  defaultWeight: 3,
  guidance: {},
  anchorLow: "",
  anchorHigh: "",
  mustHave: false,
});

const settings = {
  deadline: "",
  quorum: null,
  method: "WEIGHTED_MEAN",
  votingMode: "OPEN",
} as const;

export const blankDraft = (): Draft => ({
  title: "",
  context: "",
  templateKey: null,
  options: [blankOption(), blankOption()],
  criteria: [blankCriterion()],
  ...settings,
});

/** A template's options and criteria as editable items. */
export function itemsOf(template: TemplateLike): Pick<Draft, "options" | "criteria"> {
  return {
    options: template.options.map((o) => ({ ...o })),
    criteria: template.criteria.map((c) => ({
      ...c,
      anchorLow: c.anchorLow ?? "",
      anchorHigh: c.anchorHigh ?? "",
    })),
  };
}

/** A local date-time for <input type="datetime-local">, from an ISO instant. */
export const toLocalInput = (iso: string) => {
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** A draft project as the form starts with it when editing. */
export function draftOf(project: RouterOutputs["project"]["get"]): Draft {
  return {
    title: project.title,
    context: project.context,
    templateKey: project.templateKey,
    ...itemsOf(project),
    deadline: project.deadline ? toLocalInput(project.deadline) : "",
    quorum: project.quorum,
    method: project.method,
    votingMode: project.votingMode,
  };
}

function slugify(text: string) {
  const base = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 32);
  return base || "item";
}

/** Keys for new items, from their names, unique within the list. */
function withKeys<T extends { key?: string; name: string }>(items: T[]): (T & { key: string })[] {
  const used = new Set(items.map((i) => i.key).filter(Boolean));
  return items.map((item) => {
    if (item.key) return item as T & { key: string };
    let key = slugify(item.name);
    for (let n = 2; used.has(key); n++) key = `${slugify(item.name)}-${n}`;
    used.add(key);
    return { ...item, key };
  });
}

/** The form's values as the API's create and update procedures take them. */
export function toProjectInput(draft: Draft) {
  return {
    title: draft.title,
    context: draft.context,
    options: withKeys(draft.options).map(({ key, name, description }) => ({
      key,
      name,
      description,
    })),
    criteria: withKeys(draft.criteria).map((c) => ({
      ...c,
      anchorLow: c.anchorLow || null,
      anchorHigh: c.anchorHigh || null,
    })),
    deadline: draft.deadline ? new Date(draft.deadline).toISOString() : null,
    quorum: draft.quorum,
    method: draft.method,
    votingMode: draft.votingMode,
  };
}

const FIELD_NAMES: Record<keyof Draft, string> = {
  title: "title",
  context: "problem statement",
  templateKey: "template",
  options: "options",
  criteria: "criteria",
  deadline: "deadline",
  quorum: "quorum",
  method: "method",
  votingMode: "voting mode",
};

/**
 * Someone else's saved version with this editor's changes on top: each field the editor changed
 * since `base` (the version they opened) keeps what they typed, every other field takes `theirs`.
 * `both` names the fields both changed, differently, so the editor can check them before saving.
 */
export function mergeDrafts(
  base: Draft,
  mine: Draft,
  theirs: Draft,
): { merged: Draft; both: string[] } {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const merged = { ...theirs } as Record<keyof Draft, unknown>;
  const both: string[] = [];
  for (const field of Object.keys(FIELD_NAMES) as (keyof Draft)[]) {
    if (same(mine[field], base[field])) continue;
    merged[field] = mine[field];
    if (!same(theirs[field], base[field]) && !same(theirs[field], mine[field])) {
      both.push(FIELD_NAMES[field]);
    }
  }
  return { merged: merged as Draft, both };
}
