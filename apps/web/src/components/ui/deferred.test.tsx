// @vitest-environment jsdom
import { act, type ReactElement } from "react";
import { describe, expect, it } from "vitest";
import { useReactRoot } from "~/test/react-root";
import { Deferred } from "./deferred";

/** A load the test settles when it chooses, as a slow or fast chunk download would. */
function controlledLoad() {
  let resolve: (value: string) => void = () => {};
  const promise = new Promise<string>((r) => {
    resolve = r;
  });
  return { load: () => promise, resolve };
}

/** The deferred dialog as the project page uses it: the loaded code renders the real one. */
function dialog(load: () => Promise<string>): ReactElement {
  return (
    <Deferred load={load} popup="dialog" trigger={<button type="button">Close voting</button>}>
      {(value, { defaultOpen }) => (
        <div data-testid="real" data-open={String(defaultOpen)}>
          {value}
        </div>
      )}
    </Deferred>
  );
}

const pointer = (type: string) => new MouseEvent(type, { bubbles: true, button: 0 });

describe("Deferred", () => {
  const mounted = useReactRoot();
  const button = () => mounted.container.querySelector("button");
  const real = () => mounted.container.querySelector<HTMLElement>('[data-testid="real"]');

  it("opens the real dialog when pressed while its code loads", async () => {
    const { load, resolve } = controlledLoad();
    act(() => mounted.root.render(dialog(load)));
    act(() => {
      button()?.dispatchEvent(pointer("pointerdown"));
      button()?.click();
    });
    expect(real()).toBeNull();
    await act(async () => resolve("dialog code"));
    expect(real()?.dataset.open).toBe("true");
  });

  it("renders the real dialog closed when the code arrives after a hover without a press", async () => {
    const { load, resolve } = controlledLoad();
    act(() => mounted.root.render(dialog(load)));
    act(() => {
      button()?.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
      button()?.dispatchEvent(pointer("pointerover"));
    });
    await act(async () => resolve("dialog code"));
    expect(real()?.textContent).toBe("dialog code");
    expect(real()?.dataset.open).toBe("false");
  });

  it("opens the real dialog when the press lands after the code arrived but before React replaced the trigger", async () => {
    const { load, resolve } = controlledLoad();
    act(() => mounted.root.render(dialog(load)));
    // A hover starts the download.
    act(() => button()?.dispatchEvent(pointer("pointerover")));
    await act(async () => {
      resolve("dialog code");
      // The load's callbacks have run (the code is there), but inside act() React renders
      // only when this scope ends: the old trigger is still the one on the page.
      await Promise.resolve();
      await Promise.resolve();
      expect(real()).toBeNull();
      button()?.dispatchEvent(pointer("pointerdown"));
      button()?.click();
    });
    expect(real()?.dataset.open).toBe("true");
  });
});
