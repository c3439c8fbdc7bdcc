import { expect, test } from "@playwright/test";
import { everyPage, openPage } from "../support/every-page";

/**
 * Every page runs under a Content-Security-Policy that allows no inline script but those
 * carrying the request's nonce: a script someone managed to inject into a page would not run.
 * Each page of the product must still work under it: no violation reported, the two inline
 * scripts of our own ran (the theme class on <html>, the early-press recorder), and no inline
 * script is left without the nonce. (Chunks the page's code loads later are allowed by
 * 'strict-dynamic'; every other spec drives the pages under this policy.)
 */
test("every page works under a nonce-based policy that refuses other inline scripts", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const every = await everyPage(browser);
  const nonces = new Set<string>();
  for (const target of every.pages) {
    const context = target.as === "owner" ? every.owner.context : every.signedOut;
    const violations: string[] = [];
    const onConsole = (message: { text: () => string }) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    };
    context.on("console", onConsole);
    const page = await openPage(every, target);
    await page.waitForLoadState("networkidle");
    const where = `${target.name} (${target.path})`;

    const policy = (await page.request.get(target.path)).headers()["content-security-policy"];
    const scripts = /script-src ([^;]+)/.exec(policy ?? "")?.[1] ?? "";
    expect.soft(scripts, where).toMatch(/^'self' 'nonce-[A-Za-z0-9+/]{24}' 'strict-dynamic'$/);
    nonces.add(scripts);

    const state = await page.evaluate(
      "({ theme: document.documentElement.className, early: window.__tradeoffEarlyPresses instanceof Map, unsignedInline: [...document.querySelectorAll('script')].filter((s) => !s.src && !s.nonce).map((s) => s.textContent.slice(0, 60)) })",
    );
    expect.soft(state, where).toMatchObject({
      theme: expect.stringMatching(/\b(light|dark)\b/),
      early: true,
      unsignedInline: [],
    });
    expect.soft(violations, where).toEqual([]);
    context.off("console", onConsole);
    await page.close();
  }
  // A fresh nonce for each page load.
  expect(nonces.size).toBe(every.pages.length);
  await every.close();
});

test("an inline script without the nonce is refused, and the refusal is reported", async ({
  page,
}) => {
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refusals.push(message.text());
  });
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // What injected markup would try: an inline event handler, which carries no nonce.
  const ran = await page.evaluate(
    'new Promise((resolve) => { window.__injected = false; document.body.insertAdjacentHTML(\'beforeend\', \'<img alt="" src="/no-such-image" onerror="window.__injected = true">\'); setTimeout(() => resolve(window.__injected), 1000); })',
  );
  expect(ran).toBe(false);
  expect(refusals.join("\n")).toMatch(/inline event handler violates .*script-src/);
});
