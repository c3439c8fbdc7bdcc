import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const CHROMIUM = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (path): path is string => Boolean(path && existsSync(path)),
);

/**
 * First-load JavaScript of a route, from the build's route bundle statistics
 * (.next/diagnostics/route-bundle-stats.json): the chunks every first visit downloads,
 * each gzipped as it would be served.
 */
export function firstLoadJs(webDir: string, route: string) {
  const stats = JSON.parse(
    readFileSync(join(webDir, ".next/diagnostics/route-bundle-stats.json"), "utf8"),
  ) as { route: string; firstLoadChunkPaths: string[] }[];
  const entry = stats.find((s) => s.route === route);
  if (!entry) throw new Error(`The build has no bundle statistics for ${route}.`);
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const chunk of entry.firstLoadChunkPaths) {
    const body = readFileSync(join(webDir, chunk));
    rawBytes += body.length;
    gzipBytes += gzipSync(body).length;
  }
  return { gzipBytes, rawBytes, chunks: entry.firstLoadChunkPaths.length };
}

/**
 * Loads the project page in headless Chromium as a signed-in member: Largest Contentful
 * Paint of fresh loads (a new browser context each time, so nothing is cached), and the
 * JavaScript the first load actually fetched (gzipped), lazily loaded chunks included.
 */
export async function measurePage(options: { url: string; cookie: string; runs: number }) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  const url = new URL(options.url);
  const [name, ...rest] = options.cookie.split("=");
  const cookie = { name: name ?? "", value: rest.join("="), domain: url.hostname, path: "/" };
  const lcpMs: number[] = [];
  let firstLoadJsGzipBytes = 0;
  let scripts = 0;
  try {
    for (let run = 0; run < options.runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addCookies([cookie]);
      const page = await context.newPage();
      const bodies: Promise<Buffer>[] = [];
      if (run === 0) {
        page.on("response", (response) => {
          if (response.request().resourceType() === "script")
            bodies.push(response.body().catch(() => Buffer.alloc(0)));
        });
      }
      const response = await page.goto(options.url, { waitUntil: "load" });
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
      if (run === 0) {
        const all = await Promise.all(bodies);
        scripts = all.length;
        firstLoadJsGzipBytes = all.reduce((sum, body) => sum + gzipSync(body).length, 0);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { firstLoadJsGzipBytes, scripts, lcpMs };
}
