"use client";

import type { RouterOutputs } from "@tradeoff/api";
import type { ReactElement } from "react";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "~/components/ui/dialog";
import { METHOD_NAMES } from "./method-names";

type View = RouterOutputs["project"]["recommendation"];

/** How the method computes the recommendation; loaded by RecommendationPanel on demand. */
export function MethodExplanation({
  method,
  trigger,
  defaultOpen,
}: {
  method: View["method"];
  trigger: ReactElement;
  defaultOpen: boolean;
}) {
  return (
    <Dialog defaultOpen={defaultOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>How the recommendation is computed</DialogTitle>
          <DialogDescription>Method: {METHOD_NAMES[method]}</DialogDescription>
        </DialogHeader>
        <div className="space-y-2 text-sm">
          {method === "borda" ? (
            <p>
              Each member's own totals rank the options; in each member's ranking an option gets a
              point for every option below it and half a point for every option tied with it. The
              points are added up across the team and shown from 0 to 100.
            </p>
          ) : (
            <>
              <p>
                For each criterion we take the team's {method === "median" ? "median" : "average"}{" "}
                importance (0 to 5) and the team's {method === "median" ? "median" : "average"}{" "}
                score of each option (1 to 5). Nobody gave an importance? The criterion keeps its
                default weight. Nobody scored an option? It counts as neutral, 3.
              </p>
              <p>
                Importances become shares that add up to 100%. An option's total is its score on
                each criterion, rescaled so 1 is 0 points and 5 is 100, weighted by the share.
              </p>
            </>
          )}
          <p>
            The leader is the option with the highest total; the margin is its lead over the
            runner-up. Confidence is how often the same option wins when the voters are resampled. A
            criterion's flip point is the importance at which the leader would change.
          </p>
        </div>
      </DialogContent>
    </Dialog>
  );
}
