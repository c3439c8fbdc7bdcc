/**
 * The `source` of templates whose guidance the Tradeoff team wrote itself. It reads after
 * "guidance from" in the product, and says plainly what the suggested scores rest on.
 */
export const EDITORIAL_SOURCE =
  "Tradeoff's editors: our own engineering judgement for a typical team (2026), " +
  "not a benchmark or survey";
