import { request as playwrightRequest } from "@playwright/test";
import { expect, test, uniqueUser } from "../support/fixtures";
import { ownServerWithMailbox } from "../support/mail-server";

/**
 * Emailed sign-in links against the real server and a real SMTP server: past SIGN_UP_LIMIT
 * requests an hour from one network address, the next is refused with 429 and sends nothing.
 * next-auth acts on the first two segments of the path alone, so a longer path
 * (`signin/email/x`) asks for the same email and counts against the same limit.
 */
const LIMIT = 3;
const server = ownServerWithMailbox({ env: { SIGN_UP_LIMIT: String(LIMIT) } });

test("a longer path asks for the same link and counts against the same limit", async () => {
  const client = await playwrightRequest.newContext({ baseURL: server.own.app.origin });
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  const recipients = Array.from({ length: LIMIT + 3 }, (_, i) => uniqueUser(`link${i}`).email);
  const statuses: number[] = [];
  for (const [i, email] of recipients.entries()) {
    // Every other request through a path with a segment more; each to an address of its own.
    const path = i % 2 === 0 ? "/api/auth/signin/email/x" : "/api/auth/signin/email";
    const response = await client.post(path, {
      form: { csrfToken, email, json: "true" },
      maxRedirects: 0,
    });
    statuses.push(response.status());
  }
  expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
  // The limit counts requests from the address, whoever they are for: three links went out.
  const sentTo = server.mailbox.received.map((mail) => JSON.stringify(mail.to ?? ""));
  expect(sentTo).toHaveLength(LIMIT);
  for (const email of recipients.slice(0, LIMIT)) {
    expect(sentTo.some((to) => to.includes(email))).toBe(true);
  }
  await client.dispose();
});
