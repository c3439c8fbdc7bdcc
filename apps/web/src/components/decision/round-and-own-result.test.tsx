// @vitest-environment jsdom
import type { RouterOutputs } from "@tradeoff/api";
import { act } from "react";
import { describe, expect, it } from "vitest";
import { useReactRoot } from "~/test/react-root";
import { MyResult, PersonalWinners, RoundComparison } from "./recommendation-panel";

type View = RouterOutputs["project"]["recommendation"];
type Personal = RouterOutputs["project"]["participation"]["personal"];

const options = [
  { key: "drf", name: "DRF" },
  { key: "fastapi", name: "FastAPI" },
];
/** The panel's own fallback, as it passes it down: a name, or its word for no option. */
const nameOf = (key: string | null) =>
  options.find((o) => o.key === key)?.name ?? "No clear winner";
const unscored = options.map((o) => ({ optionKey: o.key, score: null, rank: null }));

describe("the recommendation panel's comparisons", () => {
  const mounted = useReactRoot();
  const text = () => mounted.container.textContent ?? "";

  it("a round closed with no votes: not scored then, no change invented, no leader then", () => {
    const view = {
      options,
      previousRound: { round: 1, closedAt: null, totals: unscored, winner: null, margin: 0 },
      result: {
        winner: "drf",
        totals: [
          { optionKey: "drf", score: 37.5, rank: 1 },
          { optionKey: "fastapi", score: 12.5, rank: 2 },
        ],
      },
    } as unknown as View;
    act(() => mounted.root.render(<RoundComparison view={view} nameOf={nameOf} />));
    expect(text()).not.toContain("(no change)");
    expect(text()).toContain("DRF: not scored in that round → 37.5 (no earlier total to compare)");
    expect(text()).toContain("Leader then: no recommendation (nothing was scored); now: DRF.");
  });

  it("a member who gave only importances has not scored yet: not a tie", () => {
    const view = { options, mine: { winner: null, totals: unscored } } as unknown as View;
    act(() => mounted.root.render(<MyResult view={view} nameOf={nameOf} />));
    expect(text()).not.toContain("No clear winner");
    expect(text()).toContain(
      "You have not scored every option on a criterion yet, so your votes lean towards no option.",
    );
  });

  it("each member's own winner: not scored yet apart from a real tie", () => {
    const personal = [
      { voterId: "a", name: "Ana", winner: null, scored: false },
      { voterId: "b", name: "Ben", winner: null, scored: true },
      { voterId: "c", name: "Cai", winner: "fastapi", scored: true },
    ] as unknown as Personal;
    act(() => mounted.root.render(<PersonalWinners personal={personal} nameOf={nameOf} />));
    const rows = [...mounted.container.querySelectorAll("li")].map((li) => li.textContent);
    expect(rows).toEqual(["AnaNot scored yet", "BenA tie", "CaiFastAPI"]);
  });
});
