import { randomBytes } from "node:crypto";
import { type APIRequestContext, test as base, expect, type Page } from "@playwright/test";

export type TestUser = { name: string; email: string; password: string };

/** A user no other test shares, so tests run in parallel on one database. */
export function uniqueUser(label = "user"): TestUser {
  const id = randomBytes(4).toString("hex");
  return {
    name: `E2E ${label} ${id}`,
    email: `${label}-${id}@e2e.tradeoff.dev`,
    password: `pw-${id}-secret`,
  };
}

/** Creates an account through the public API (the same procedure the sign-up form calls). */
export async function signUpOverApi(request: APIRequestContext, user: TestUser) {
  const response = await request.post("/api/trpc/auth.signUp", {
    data: { name: user.name, email: user.email, password: user.password },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** A new account (see `uniqueUser`, labelled `label`) created over the API, not signed in. */
export async function signedUpOverApi(request: APIRequestContext, label: string) {
  const user = uniqueUser(label);
  await signUpOverApi(request, user);
  return user;
}

type Credentials = Pick<TestUser, "email" | "password">;

/**
 * Sends an email and password to the credentials sign-in over HTTP (CSRF token first), as the
 * sign-in form does, and answers the response: on success the session cookie lands in
 * `request`'s context.
 */
export async function postCredentials(
  request: APIRequestContext,
  { email, password }: Credentials,
) {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
}

/** Signs in over HTTP (CSRF token, then the credentials callback): the session cookie lands in `request`'s context. */
export async function signInOverHttp(request: APIRequestContext, user: TestUser) {
  const response = await postCredentials(request, user);
  expect([200, 302]).toContain(response.status());
}

type Fixtures = { user: TestUser; signedIn: TestUser };

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this destructuring.
  user: async ({}, use) => {
    await use(uniqueUser());
  },
  /** A fresh user, signed in through HTTP: the page starts with a valid session. */
  signedIn: async ({ page, user }, use) => {
    await signUpOverApi(page.request, user);
    await signInOverHttp(page.request, user);
    await use(user);
  },
});

export { expect };

/**
 * The errors `page` writes to its console from now on: what a user who opens the developer tools
 * sees as a failure. Left out: the browser's own line for each 4xx or 5xx answer ("Failed to
 * load resource"), which no page can silence and which is not the app's word.
 */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (message.text().startsWith("Failed to load resource")) return;
    errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/**
 * Answers `page`'s requests to `hostname` in the browser, with a page whose heading is `heading`,
 * so that the other site is never reached; returns the addresses asked for there, in order. Were
 * the browser sent off the site, it lands here rather than on a closed network.
 */
export async function answerInBrowser(
  page: Page,
  hostname: string,
  heading: string,
): Promise<string[]> {
  const asked: string[] = [];
  await page.route(
    (url) => url.hostname === hostname,
    (route) => {
      asked.push(route.request().url());
      return route.fulfill({ contentType: "text/html", body: `<h1>${heading}</h1>` });
    },
  );
  return asked;
}
