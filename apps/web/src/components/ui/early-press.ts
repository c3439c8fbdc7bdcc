/**
 * Presses that land before the page is interactive.
 *
 * A trigger rendered on the server is visible before its code has run; a click on it then has
 * no handler and would be lost, so the user presses again and wonders. The root layout runs
 * `EARLY_PRESS_SCRIPT` before any of the page is parsed: it remembers every element marked
 * `data-early-press` that is clicked (a pointer press, or Enter or Space on a focused button),
 * and the trigger's code, once it runs, asks `takeEarlyPress()` whether it was pressed and
 * acts on it then. Nothing in the DOM changes, so hydration sees the server's markup.
 */

const GLOBAL = "__tradeoffEarlyPresses";

export const EARLY_PRESS_ATTRIBUTE = "data-early-press";

export const EARLY_PRESS_SCRIPT = `(()=>{var s=window.${GLOBAL}=new Set;document.addEventListener("click",function(e){var t=e.target;t=t&&t.closest&&t.closest("[${EARLY_PRESS_ATTRIBUTE}]");t&&s.add(t)},true)})()`;

type EarlyPresses = Set<Element>;

function presses(): EarlyPresses | undefined {
  return typeof window === "undefined"
    ? undefined
    : (window as unknown as Record<string, EarlyPresses | undefined>)[GLOBAL];
}

/** Whether `element` was clicked since it was last asked; asking forgets the click. */
export function takeEarlyPress(element: Element): boolean {
  return presses()?.delete(element) ?? false;
}
