import type { Page } from "@playwright/test";

// What the page's script sees of the document (the e2e package has no DOM types).
declare const document: { documentElement: { scrollWidth: number } };
declare const window: { innerWidth: number };

/** How wide the page's document is, in CSS pixels: wider than the viewport when it scrolls sideways. */
export function documentWidth(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** How far the page scrolls sideways, in CSS pixels: 0 or less when it fits its viewport. */
export function sidewaysScroll(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Source for a page script (WCAG 2.2 target size): `targetsUnder(min, selector)`, each control
 * matching `selector` that a finger presses, is not inline in a sentence, and is smaller than
 * `min` CSS pixels in width or height, as [element, box]. What is visually hidden (a skip link
 * until focused, a radio drawn by its label; inert or aria-hidden) is not a target; a checkbox or
 * radio is pressed through its label as well, so the label's box counts for it.
 */
export const TARGETS_UNDER = `
  const isInline = (el) => getComputedStyle(el).display === "inline";
  // Text next to the element on its line: a text node, or an inline element with words.
  const hasTextBeside = (el) => {
    for (const node of el.parentElement ? el.parentElement.childNodes : []) {
      if (node === el) continue;
      if (node.nodeType === 3 && node.textContent.trim()) return true;
      if (node.nodeType === 1 && getComputedStyle(node).display.startsWith("inline") && node.textContent.trim()) return true;
    }
    return false;
  };
  // Inline in a sentence: an inline element with words beside it, itself or an inline wrapper.
  const inSentence = (el) => {
    for (let at = el; at && isInline(at); at = at.parentElement) if (hasTextBeside(at)) return true;
    return false;
  };
  const targetsUnder = (min, selector) => {
    const found = [];
    for (const el of document.querySelectorAll(selector)) {
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      if (el.closest("[inert], [aria-hidden=true]")) continue;
      let box = el.getBoundingClientRect();
      // Visually hidden (1 px, clipped): not a target.
      if (box.width <= 1 || box.height <= 1 || inSentence(el)) continue;
      if (el.matches("input[type=checkbox], input[type=radio]") && el.labels && el.labels[0]) {
        const label = el.labels[0].getBoundingClientRect();
        box = { width: Math.max(box.width, label.width), height: Math.max(box.height, label.height) };
      }
      if (box.width < min - 0.01 || box.height < min - 0.01) found.push([el, box]);
    }
    return found;
  };
`;
