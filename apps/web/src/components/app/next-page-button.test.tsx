// @vitest-environment jsdom
import { act } from "react";
import { describe, expect, it } from "vitest";
import { useReactRoot } from "~/test/react-root";
import { NextPageButton } from "./next-page-button";

describe("NextPageButton", () => {
  const mounted = useReactRoot();
  const button = () => mounted.container.querySelector("button");

  function render(hasNextPage: boolean, isFetchingNextPage: boolean) {
    const asked: number[] = [];
    const pages = {
      hasNextPage,
      isFetchingNextPage,
      fetchNextPage: async () => asked.push(asked.length + 1),
    };
    act(() => mounted.root.render(<NextPageButton pages={pages}>Show more</NextPageButton>));
    return asked;
  }

  it("loads the next page when pressed", () => {
    const asked = render(true, false);
    act(() => button()?.click());
    expect(asked).toEqual([1]);
    expect(button()?.getAttribute("aria-busy")).toBeNull();
  });

  it("says it is busy, and asks for nothing more, while the page loads", () => {
    const asked = render(true, true);
    act(() => button()?.click());
    expect(button()?.getAttribute("aria-busy")).toBe("true");
    expect(asked).toEqual([]);
  });

  it("is not shown once every page is in", () => {
    render(false, false);
    expect(button()).toBeNull();
    expect(mounted.container.textContent).toBe("");
  });
});
