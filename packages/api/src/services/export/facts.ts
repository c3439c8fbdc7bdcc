import type { RecordView } from "../record/record-view";

/** Small readings of a record view shared by the formats, so they word things the same. */
export const optionName = (view: RecordView, key: string | null) =>
  view.options.find((o) => o.key === key)?.name ?? key ?? "none";

export const criterionName = (view: RecordView, key: string) =>
  view.criteria.find((c) => c.key === key)?.name ?? key;

export const day = (iso: string) => iso.slice(0, 10);

export const pct = (n: number) => `${Math.round(n * 100)}%`;

export const points = (n: number) => n.toFixed(1);

/** The option the record is about: the recorded choice, or the recommendation for a draft. */
export const chosenKey = (view: RecordView) =>
  view.decision?.chosenOptionKey ?? view.result?.winner ?? null;

/** Text that continues a sentence ("..., because the admin..."); acronyms ("API is...") stay. */
export const lowerFirst = (text: string) =>
  text.replace(/^([A-Z])(?=[a-z\s])/, (c) => c.toLowerCase());

export const personNames = (people: { name: string }[]) => people.map((p) => p.name);

/** Status words shared by the formats: MADR's vocabulary (proposed, accepted, superseded by). */
export function statusLine(
  view: RecordView,
  link: (p: { number: number; title: string }) => string,
) {
  if (view.project.status === "SUPERSEDED" && view.supersededBy.length > 0) {
    return `superseded by ${view.supersededBy.map(link).join(", ")}`;
  }
  if (view.project.status === "ARCHIVED") return view.draft ? "rejected" : "deprecated";
  return view.draft ? "proposed" : "accepted";
}

/** One sentence on where the result stands; blind projects reveal nothing while open. */
export function resultSentence(view: RecordView): string {
  const r = view.result;
  if (!r) return "The result stays hidden until this blind vote closes.";
  if (!r.winner) return "The team's votes end in a tie: there is no recommendation.";
  const conf = r.confidence === null ? "" : `, confidence ${pct(r.confidence)}`;
  return `The team recommends ${optionName(view, r.winner)} by ${points(r.margin)} points${conf}.`;
}
