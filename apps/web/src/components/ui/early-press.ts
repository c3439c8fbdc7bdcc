/**
 * Presses that land before the page is interactive.
 *
 * A control rendered on the server is visible before its code has run; a click on it then has
 * no handler and would be lost: a menu that does not open, a score that looks chosen and is
 * then reset. The root layout runs `EARLY_PRESS_SCRIPT` before any of the page is parsed: it
 * remembers every element marked `data-early-press` that is clicked (a pointer press, Enter or
 * Space on a button, an arrow key in a radio group), in order, and the control's code, once it
 * runs, asks `takeEarlyPress()` whether it was pressed and acts on it then. Nothing in the DOM
 * changes, so hydration sees the server's markup.
 */

const GLOBAL = "__tradeoffEarlyPresses";

export const EARLY_PRESS_ATTRIBUTE = "data-early-press";

export const EARLY_PRESS_SCRIPT = `(()=>{var s=window.${GLOBAL}=new Map,n=0;document.addEventListener("click",function(e){var t=e.target;t=t&&t.closest&&t.closest("[${EARLY_PRESS_ATTRIBUTE}]");t&&s.set(t,++n)},true)})()`;

/** Marked elements that were clicked, with the order of their last click. */
type EarlyPresses = Map<Element, number>;

function presses(): EarlyPresses | undefined {
  return typeof window === "undefined"
    ? undefined
    : (window as unknown as Record<string, EarlyPresses | undefined>)[GLOBAL];
}

/**
 * When `element` was last clicked, as an order among all remembered clicks (later clicks are
 * larger), or 0 if it was not; asking forgets the click.
 */
export function takeEarlyPress(element: Element): number {
  const all = presses();
  const order = all?.get(element) ?? 0;
  if (order) all?.delete(element);
  return order;
}
