/**
 * Where the keyboard goes when the control it was on disappears: a removed button takes the
 * focus with it, and the browser drops it to the page's start, so a screen reader starts again
 * from the top. These helpers find the next control in reading order instead.
 */

const CONTROLS =
  'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/**
 * The controls around `element` in the same landmark (the page's main content when it has one),
 * nearest first: those after it, then those before it. Read while `element` is still there.
 */
export function controlsAround(element: Element): HTMLElement[] {
  const scope = element.closest("main") ?? element.ownerDocument.body;
  const all = Array.from(scope.querySelectorAll<HTMLElement>(CONTROLS));
  const index = all.indexOf(element as HTMLElement);
  if (index === -1) return [];
  return [...all.slice(index + 1), ...all.slice(0, index).reverse()];
}

/** Whether the keyboard's place is lost: nothing, or the whole page, has the focus. */
export function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}

/** Focuses the first of `candidates` still on the page, shown and usable; false if none is. */
export function focusFirstUsable(candidates: readonly HTMLElement[]): boolean {
  for (const candidate of candidates) {
    if (!candidate.isConnected || candidate.matches(":disabled")) continue;
    if (candidate.closest('[inert], [aria-hidden="true"]')) continue;
    if (candidate.getClientRects().length === 0) continue;
    candidate.focus();
    if (document.activeElement === candidate) return true;
  }
  return false;
}
