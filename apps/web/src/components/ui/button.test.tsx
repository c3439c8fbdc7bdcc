// @vitest-environment jsdom
import { act } from "react";
import { beforeEach, describe, expect, it } from "vitest";
import { useReactRoot } from "~/test/react-root";
import { Button } from "./button";

describe("Button while loading", () => {
  const mounted = useReactRoot();
  let submits = 0;
  let clicks = 0;
  beforeEach(() => {
    submits = 0;
    clicks = 0;
  });

  function form(loading: boolean) {
    act(() =>
      mounted.root.render(
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submits++;
          }}
        >
          <input aria-label="Name" />
          <Button type="submit" loading={loading} onClick={() => clicks++}>
            Save
          </Button>
        </form>,
      ),
    );
    return mounted.container.querySelector("button") as HTMLButtonElement;
  }

  it("keeps the keyboard's focus and says it is busy, instead of becoming disabled", () => {
    const button = form(false);
    button.focus();
    expect(document.activeElement).toBe(button);
    form(true);
    expect(button.disabled).toBe(false);
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute("aria-disabled")).toBe("true");
    expect(button.getAttribute("aria-busy")).toBe("true");
  });

  it("ignores presses until it is done: no click handler, no form submission", () => {
    const button = form(true);
    act(() => button.click());
    expect({ clicks, submits }).toEqual({ clicks: 0, submits: 0 });
    form(false);
    act(() => button.click());
    expect({ clicks, submits }).toEqual({ clicks: 1, submits: 1 });
    expect(button.getAttribute("aria-disabled")).toBeNull();
  });

  it("stays disabled when it is disabled, loading or not", () => {
    act(() =>
      mounted.root.render(
        <Button loading disabled>
          Save
        </Button>,
      ),
    );
    const button = mounted.container.querySelector("button") as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.getAttribute("aria-disabled")).toBeNull();
  });
});
