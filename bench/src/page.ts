import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { CHROMIUM_FLAGS } from "./chromium-flags";

/**
 * The Chromium the bench drives: CHROMIUM_PATH when set, else Debian's. Null, with the reason,
 * when there is none: the load scenarios still run, and the browser metrics say they were
 * skipped.
 */
export function findChromium():
  | { path: string; reason?: undefined }
  | { path: null; reason: string } {
  const given = process.env.CHROMIUM_PATH;
  if (given) {
    return existsSync(given)
      ? { path: given }
      : { path: null, reason: `CHROMIUM_PATH is ${given}, and no file is there` };
  }
  const found = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));
  return found
    ? { path: found }
    : {
        path: null,
        reason:
          "no Chromium at /usr/bin/chromium or /usr/bin/chromium-browser, and CHROMIUM_PATH is not set",
      };
}

/** After the load event, how long no new script may start before the first load counts as done. */
const SCRIPTS_QUIET_MS = 1_500;

/**
 * Loads the project page in headless Chromium as a signed-in member: Largest Contentful
 * Paint of fresh loads (a new browser context each time, so nothing is cached), and the
 * JavaScript the first load fetched over the network, each script gzipped as it is served:
 * `firstLoadJsGzipBytes`, every script requested before the load event (the budget's figure),
 * and `afterLoadJsGzipBytes`, what the page goes on to fetch by itself once hydrated (its main
 * thread idle) until no new script has started for 1.5 s (code loaded once the page has hydrated,
 * such as the charts). `shiftAfterLoad`: per load, the layout shift score (the sum of the
 * browser's layout-shift values, as Cumulative Layout Shift counts them) from the load event until
 * the page has been quiet on the network for half a second, nothing pressed: how far the page
 * moved under its reader once loaded (the live bar connecting, lazy parts arriving). 0 is none.
 */
export async function measurePage(options: {
  chromiumPath: string;
  url: string;
  cookie: string;
  runs: number;
}) {
  const browser = await chromium.launch({
    executablePath: options.chromiumPath,
    args: CHROMIUM_FLAGS,
  });
  const url = new URL(options.url);
  const [name, ...rest] = options.cookie.split("=");
  const cookie = { name: name ?? "", value: rest.join("="), domain: url.hostname, path: "/" };
  const lcpMs: number[] = [];
  const shiftAfterLoad: number[] = [];
  /** What moved in each load with a shift: the moved elements, as tag and first words. */
  const shiftSources: string[] = [];
  let firstLoadJsGzipBytes = 0;
  let afterLoadJsGzipBytes = 0;
  let scripts = 0;
  let scriptsAfterLoad = 0;
  try {
    for (let run = 0; run < options.runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addCookies([cookie]);
      const page = await context.newPage();
      const bodies: { afterLoad: boolean; body: Promise<Buffer> }[] = [];
      let lastScriptAt = Date.now();
      let loaded = false;
      const requestedAfterLoad = new WeakSet<object>();
      if (run === 0) {
        page.on("request", (request) => {
          if (request.resourceType() !== "script") return;
          lastScriptAt = Date.now();
          if (loaded) requestedAfterLoad.add(request);
        });
        page.on("response", (response) => {
          if (response.request().resourceType() === "script")
            bodies.push({
              afterLoad: requestedAfterLoad.has(response.request()),
              body: response.body().catch(() => Buffer.alloc(0)),
            });
        });
      }
      const response = await page.goto(options.url, { waitUntil: "load" });
      loaded = true;
      if (!response?.ok())
        throw new Error(`The project page answered ${response?.status()} during the bench.`);
      const lcp = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            new PerformanceObserver((list) => {
              const entries = list.getEntries();
              resolve(entries[entries.length - 1]?.startTime ?? Number.NaN);
            }).observe({ type: "largest-contentful-paint", buffered: true });
            setTimeout(() => resolve(Number.NaN), 5000);
          }),
      );
      lcpMs.push(lcp);
      await page.waitForLoadState("networkidle");
      const shift = await page.evaluate(
        () =>
          new Promise<{ sum: number; moved: string[] }>((resolve) => {
            type Shift = PerformanceEntry & {
              value: number;
              sources?: { node?: Node | null; previousRect: DOMRect; currentRect: DOMRect }[];
            };
            const loadedAt = performance.getEntriesByType("navigation")[0]?.duration ?? 0;
            let sum = 0;
            const moved: string[] = [];
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as Shift[]) {
                if (entry.startTime < loadedAt) continue;
                sum += entry.value;
                for (const source of entry.sources ?? []) {
                  const text = (source.node?.textContent ?? "").trim().slice(0, 30);
                  // (No helper function here: this code is sent to the page as it is written.)
                  const [from, to] = [source.previousRect, source.currentRect].map(
                    (r) =>
                      `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`,
                  );
                  moved.push(
                    `${source.node?.nodeName.toLowerCase()} "${text}" from ${from} to ${to} at ${Math.round(entry.startTime - loadedAt)} ms after load`,
                  );
                }
              }
            }).observe({ type: "layout-shift", buffered: true });
            // The buffered entries are delivered in the observer's first callback.
            setTimeout(() => resolve({ sum, moved }), 200);
          }),
      );
      shiftAfterLoad.push(shift.sum);
      if (shift.moved.length > 0) shiftSources.push(`load ${run + 1}: ${shift.moved.join("; ")}`);
      if (run === 0) {
        // The page's own loads start as it hydrates, which a busy machine can delay past the
        // quiet window: the window counts only from the first idle moment of the page's main
        // thread, when hydration is done and its dynamic imports have been requested.
        await page.evaluate(
          () =>
            new Promise<void>((resolve) =>
              requestIdleCallback(() => resolve(), { timeout: 10_000 }),
            ),
        );
        lastScriptAt = Math.max(lastScriptAt, Date.now());
        const deadline = Date.now() + 15_000;
        while (Date.now() - lastScriptAt < SCRIPTS_QUIET_MS && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 100));
        for (const { afterLoad, body } of bodies) {
          const gzipped = gzipSync(await body).length;
          if (afterLoad) {
            afterLoadJsGzipBytes += gzipped;
            scriptsAfterLoad++;
          } else {
            firstLoadJsGzipBytes += gzipped;
            scripts++;
          }
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return {
    firstLoadJsGzipBytes,
    scripts,
    afterLoadJsGzipBytes,
    scriptsAfterLoad,
    lcpMs,
    shiftAfterLoad,
    shiftSources,
  };
}
