import { DomainError } from "@tradeoff/api";
import { describeUnsubscribe, stoppedEmails, unsubscribe } from "@tradeoff/api/server";
import { requireSecret } from "@tradeoff/auth";
import { authEnv } from "~/env";
import { db } from "~/server/db";

export const dynamic = "force-dynamic";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(status: number, title: string, body: string) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title><link rel="icon" href="/icon.svg" type="image/svg+xml"></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem"><main><h1 style="font-size:1.25rem">${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8" } });
}

/** A refusal of the link (bad signature, account gone) as the page that says so. */
function refused(error: unknown) {
  if (error instanceof DomainError) {
    return page(400, "Link not valid", `<p>${escapeHtml(error.message)}</p>`);
  }
  throw error;
}

/** The page `answer` makes of the link's token; a refused link gets the page that says why. */
async function withToken(request: Request, answer: (token: string) => Promise<Response>) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  try {
    return await answer(token);
  } catch (error) {
    return refused(error);
  }
}

/**
 * The unsubscribe link of a notification email. Opening it says which emails it stops and what
 * the member will still get, and asks for a press (link scanners open links too); a POST — that
 * press, or a mail client's one-click unsubscribe (List-Unsubscribe-Post) — turns that kind of
 * email off. No sign-in: the link is signed.
 */
export function GET(request: Request) {
  return withToken(request, async (token) => {
    const about = await describeUnsubscribe(db(), requireSecret(authEnv()), token);
    const stop = `Stop ${about.stops}`;
    return page(
      200,
      `${stop}?`,
      `<p>${escapeHtml(about.kept)}</p><form method="post" action="/api/unsubscribe?token=${encodeURIComponent(token)}"><button type="submit">${escapeHtml(stop)}</button></form>`,
    );
  });
}

export function POST(request: Request) {
  return withToken(request, async (token) => {
    const result = await unsubscribe(db(), requireSecret(authEnv()), token);
    return page(
      200,
      "Unsubscribed",
      `<p>You will get no more ${escapeHtml(stoppedEmails(result.kind).replace(/^the /, ""))}. Change it back any time under Account, Notifications.</p>`,
    );
  });
}
