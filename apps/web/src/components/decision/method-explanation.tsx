"use client";

import type { RouterOutputs } from "@tradeoff/api";
import { methodExplanation } from "@tradeoff/scoring";
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

/**
 * How the method computes the recommendation, in the scoring package's words (its tests check
 * each rule against the computation); loaded by RecommendationPanel on demand.
 */
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
          {methodExplanation(method).map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </div>
      </DialogContent>
    </Dialog>
  );
}
