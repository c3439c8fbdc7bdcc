import { MIN_CONFIDENCE_VOTERS } from "./rules";
import type { Method } from "./types";

/**
 * How a method computes the recommendation, in paragraphs a page can show as they are. Every
 * sentence states a rule `aggregate` follows; explain.test.ts checks each one against it, so
 * the explanation changes when the rules do.
 */
export function methodExplanation(method: Method): string[] {
  const leader =
    "The leader is the option with the highest total; the margin is its lead over the " +
    "runner-up. Options tied at the top are a tie: there is no recommendation. Confidence is " +
    "how often the same option wins when the voters are resampled; it is shown only for a " +
    `single leader, once every counted criterion rests on at least ${MIN_CONFIDENCE_VOTERS} ` +
    "voters. A criterion's flip point is the importance at which the leader would change.";
  const status =
    "The result is ready once every criterion is counted and enough ballots are complete (the " +
    "quorum, or every member's ballot when no quorum is set); until then it is provisional.";

  if (method === "borda") {
    return [
      "Each member's own totals rank the options: the weighted mean of their own votes, over " +
        "the criteria where they scored every option, with the criterion's default weight " +
        "where they gave no importance. In each member's ranking an option gets a point for " +
        "every option below it and half a point for every option tied with it.",
      "The points are added up across the members who have a ranking and shown from 0 to 100 " +
        "(100: every one of them ranked the option first). A member who has not scored every " +
        "option on any criterion has no ranking and hands out no points; while no member has " +
        "one, there are no totals and no recommendation.",
      "A criterion is counted once every option has a score there.",
      status,
      leader,
    ];
  }

  const how = method === "median" ? "median" : "average";
  return [
    `For each criterion we take the team's ${how} importance (0 to 5) and the team's ${how} ` +
      "score of each option (1 to 5), over the members who gave one; a “no opinion” mark " +
      "gives neither. Nobody gave an importance? The criterion keeps its default weight.",
    "Nobody scored an option on a criterion? That criterion is not counted: it is left out of " +
      "every total until someone scores each option there. While no criterion is counted there " +
      "are no totals and no recommendation.",
    "A counted criterion's share of the weight is its importance divided by the sum of the " +
      "importances of the counted criteria. An option's total is its score on each counted " +
      "criterion, rescaled so 1 is 0 points and 5 is 100, times that share. When every counted " +
      "criterion's importance is 0, every total is 0 and there is no winner.",
    status,
    leader,
  ];
}
