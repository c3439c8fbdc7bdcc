import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach } from "vitest";

// React's act() checks this flag before flushing updates in a test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * For the tests of the calling `describe` (in jsdom): each renders into a React root of its own,
 * in a fresh container on the page, unmounted and removed after the test.
 */
export function useReactRoot() {
  const mounted = {} as { container: HTMLDivElement; root: Root };
  beforeEach(() => {
    mounted.container = document.createElement("div");
    document.body.append(mounted.container);
    mounted.root = createRoot(mounted.container);
  });
  afterEach(() => {
    act(() => mounted.root.unmount());
    mounted.container.remove();
  });
  return mounted;
}
