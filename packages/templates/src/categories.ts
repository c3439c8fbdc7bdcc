/**
 * The gallery's groups, in the order it shows them. Every built-in template belongs to one;
 * tags (on each template) are for search.
 */
export const templateCategories = [
  { key: "backend", label: "Backend and APIs" },
  { key: "frontend", label: "Frontend" },
  { key: "data", label: "Data storage" },
  { key: "infrastructure", label: "Infrastructure" },
  { key: "codebase", label: "Codebase and tooling" },
  { key: "strategy", label: "Strategy and sourcing" },
] as const;

export type TemplateCategory = (typeof templateCategories)[number]["key"];
