/**
 * A criterion's guidance speaks of options of its own project: entries for any other key are
 * dropped, when a project is created and whenever its options or criteria are edited.
 */
export function withGuidanceFor<C extends { guidance: unknown }>(
  criteria: C[],
  optionKeys: ReadonlySet<string>,
): C[] {
  return criteria.map((criterion) => {
    const guidance =
      criterion.guidance && typeof criterion.guidance === "object" ? criterion.guidance : {};
    return {
      ...criterion,
      guidance: Object.fromEntries(Object.entries(guidance).filter(([key]) => optionKeys.has(key))),
    };
  });
}
