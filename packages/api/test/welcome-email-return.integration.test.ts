import { createUser } from "@tradeoff/db/testing";
import { describe, expect, it } from "vitest";
import { sendWelcomeEmail } from "../src/services/user/welcome-email";
import { trpcError, useTestDatabase } from "./helpers";
import { mailsArrived, useMailWorker } from "./mail-worker";

const t = useTestDatabase();
const APP_URL = "https://tradeoff.example.com";

/** A real SMTP server in this process, and the app's job queue sending to it. */
const worker = useMailWorker(() => t.url, { appUrl: APP_URL, secret: "a-test-secret" });

/** The one email `address` receives (waiting for it, then a little longer for a duplicate). */
async function onlyMailTo(address: string) {
  const [mail, ...more] = await mailsArrived(worker.mailbox, address, 1, { settleMs: 1_000 });
  expect(more).toEqual([]);
  return mail;
}

/** The sign-in link of a welcome email, read from its text and checked against its HTML. */
function signInLink(mail: Awaited<ReturnType<typeof onlyMailTo>>): URL {
  const link = mail?.text?.match(/Sign in: (\S+)/)?.[1];
  if (!link) throw new Error(`No sign-in link in: ${mail?.text}`);
  // The HTML's link is the same address, as a mail client reads its escaped attribute.
  const href = String(mail?.html ?? "").match(/href="([^"]*)"/)?.[1] ?? "";
  const unescaped = href.replace(/&#(\d+);/g, (_: string, code: string) =>
    String.fromCharCode(Number(code)),
  );
  expect(unescaped).toBe(link);
  return new URL(link);
}

const password = "brass orchid tunnel 19";

/** Signs `email` up from the page `returnPath` (or from none): its welcome email's sign-in link. */
async function signUpFrom(name: string, email: string, returnPath?: string) {
  await t
    .callerAs(null)
    .auth.signUp({ name, email, password, ...(returnPath ? { returnPath } : {}) });
  return signInLink(await onlyMailTo(email));
}

describe("the welcome email's sign-in link", () => {
  it("returns to the page the sign-up came from: an invitation, with its query", async () => {
    const link = await signUpFrom(
      "Invited Person",
      "invited.person@example.com",
      "/invite/abc123?from=mail#accept",
    );
    expect(link.origin).toBe(APP_URL);
    expect(link.pathname).toBe("/sign-in");
    expect(link.searchParams.get("email")).toBe("invited.person@example.com");
    expect(link.searchParams.get("callbackUrl")).toBe("/invite/abc123?from=mail#accept");
  }, 30_000);

  it("goes to plain sign-in, and from there home, for a sign-up from the home page or none", async () => {
    for (const [name, address, returnPath] of [
      ["Home Person", "home.person@example.com", "/"],
      ["Bare", "bare@example.com", undefined],
    ] as const) {
      const link = await signUpFrom(name, address, returnPath);
      expect(link.searchParams.get("callbackUrl")).toBeNull();
      expect(link.searchParams.get("email")).toBe(address);
    }
  }, 30_000);

  it("refuses a sign-up whose return page leads off the site, and creates no account", async () => {
    for (const returnPath of [
      "https://attacker.example/phish",
      "//attacker.example/phish",
      "/\\attacker.example",
      "/%2F%2Fattacker.example",
      "javascript:alert(1)",
      `/${"a".repeat(2_000)}`,
    ]) {
      const error = await trpcError(
        t.callerAs(null).auth.signUp({
          name: "Phished",
          email: "phished@example.com",
          password,
          returnPath,
        }),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/The page to return to/);
    }
    expect(await t.db.user.count({ where: { email: "phished@example.com" } })).toBe(0);
  });

  it("reads a queued job's page again: one off the site, or none (queued before it was kept), links to plain sign-in", async () => {
    const user = await createUser(t.db, { email: "queued.before@example.com" });
    await sendWelcomeEmail(t.db, worker.settings, { id: "before", data: { userId: user.id } });
    const other = await createUser(t.db, { email: "queued.offsite@example.com" });
    await sendWelcomeEmail(t.db, worker.settings, {
      id: "offsite",
      data: { userId: other.id, returnPath: "//attacker.example/phish" },
    });
    for (const address of ["queued.before@example.com", "queued.offsite@example.com"]) {
      const link = signInLink(await onlyMailTo(address));
      expect(link.origin).toBe(APP_URL);
      expect(link.searchParams.get("callbackUrl")).toBeNull();
    }
  }, 30_000);
});
