import { METRICS_TOKEN } from "../faults/support/app";
import { expect, test } from "../support/fixtures";
import { ownServer } from "../support/own-server";

/**
 * The end-to-end server is a deployment: its own configured PostgreSQL, a session secret, a
 * public URL. What such a server must never do quietly.
 */
test("a demo account on a configured database is reported by /api/ready as a warning", async ({
  request,
}) => {
  const before = await request.get("/api/ready");
  expect(before.status()).toBe(200);
  expect((await before.json()).warnings).not.toContainEqual(expect.stringMatching(/demo account/));

  // The server seeded nothing: the demo account's published password does not sign in.
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await request.post("/api/auth/callback/credentials", {
    form: { ...csrf, email: "demo@tradeoff.dev", password: "tradeoff-demo", json: "true" },
    maxRedirects: 0,
  });
  const session = await (await request.get("/api/auth/session")).json();
  expect(session?.user).toBeUndefined();

  // Someone creates it anyway (here through sign-up): readiness says so, and stays ready.
  await request.post("/api/trpc/auth.signUp", {
    data: { name: "Demo", email: "demo@tradeoff.dev", password: "a long demo passphrase 4821" },
  });
  const after = await request.get("/api/ready");
  expect(after.status()).toBe(200);
  expect(await after.json()).toMatchObject({
    status: "ready",
    warnings: [expect.stringMatching(/demo account demo@tradeoff\.dev exists.*published/)],
  });
});

test("metrics are off on a deployment without METRICS_TOKEN", async ({ request }) => {
  const response = await request.get("/api/metrics");
  expect(response.status()).toBe(404);
  expect((await response.json()).error).toMatch(/Metrics are off.*Set METRICS_TOKEN/);
  expect(await response.text()).not.toContain("tradeoff_process_cpu");
});

test.describe("with METRICS_TOKEN set", () => {
  const own = ownServer();

  test("metrics answer only to the bearer of the token", async ({ request }) => {
    const url = `${own.app.origin}/api/metrics`;
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Bearer not-the-metrics-token" },
    ];
    for (const headers of attempts) {
      const refused = await request.get(url, { headers });
      expect(refused.status()).toBe(401);
      expect(await refused.text()).not.toContain("tradeoff_process_cpu");
    }
    const scraped = await request.get(url, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(scraped.status()).toBe(200);
    expect(await scraped.text()).toContain("tradeoff_process_cpu");
  });
});
