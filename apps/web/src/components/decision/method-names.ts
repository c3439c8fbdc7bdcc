import type { RouterOutputs } from "@tradeoff/api";

/** Each aggregation method's name as the recommendation and its explanation show it. */
export const METHOD_NAMES: Record<RouterOutputs["project"]["recommendation"]["method"], string> = {
  "weighted-mean": "Weighted mean",
  median: "Median",
  borda: "Borda count",
};
