"use client";

import type { RouterOutputs } from "@tradeoff/api";
import { methodExplanation } from "@tradeoff/scoring";
import type { ReactElement } from "react";
import { TitledDialog } from "~/components/app/titled-dialog";
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
    <TitledDialog
      defaultOpen={defaultOpen}
      trigger={trigger}
      title="How the recommendation is computed"
      description={`Method: ${METHOD_NAMES[method]}`}
    >
      <div className="space-y-2 text-sm">
        {methodExplanation(method).map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
    </TitledDialog>
  );
}
