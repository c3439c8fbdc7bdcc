/**
 * What a departure, a lower role or a handover did to what a person had created, as a clause:
 * "the 2 share links they created were revoked" (`which` narrows what was: " that this role
 * cannot give"); empty for none.
 */
export function createdClause(
  count: number | undefined,
  thing: string,
  done: string,
  { by = "they", which = "" }: { by?: "they" | "you"; which?: string } = {},
): string {
  if (!count) return "";
  const things = count === 1 ? `the ${thing}` : `the ${count} ${thing}s`;
  return `${things} ${by} created${which} ${count === 1 ? "was" : "were"} ${done}`;
}

/** The clause as a sentence after another, for a toast: " The 2 share links they created were revoked." */
export function createdSentence(...args: Parameters<typeof createdClause>): string {
  const clause = createdClause(...args);
  return clause ? ` ${clause.charAt(0).toUpperCase()}${clause.slice(1)}.` : "";
}
