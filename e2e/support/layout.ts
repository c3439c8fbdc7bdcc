import type { Page } from "@playwright/test";

// What the page's script sees of the document (the e2e package has no DOM types).
declare const document: { documentElement: { scrollWidth: number } };

/** How wide the page's document is, in CSS pixels: wider than the viewport when it scrolls sideways. */
export function documentWidth(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}
