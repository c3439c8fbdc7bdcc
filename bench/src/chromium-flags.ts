/**
 * The flags headless Chromium is launched with wherever the repository drives it: the bench's
 * page metrics (page.ts) and the e2e suite (e2e/playwright.config.ts). No sandbox, and none of
 * the browser's own background work (networking, component updates, sync, first-run pages, QUIC).
 */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
