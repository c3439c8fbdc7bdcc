import { DomainError } from "@tradeoff/api";
import { unsubscribe } from "@tradeoff/api/server";
import { requireSecret } from "@tradeoff/auth";
import { authEnv } from "~/env";
import { db } from "~/server/db";

export const dynamic = "force-dynamic";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(status: number, title: string, body: string) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title><link rel="icon" href="/icon.svg" type="image/svg+xml"></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem"><main><h1 style="font-size:1.25rem">${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8" } });
}

/**
 * The unsubscribe link of a notification email. Opening it asks for a press (link scanners
 * open links too); a POST — that press, or a mail client's one-click unsubscribe
 * (List-Unsubscribe-Post) — turns that kind of email off. No sign-in: the link is signed.
 */
export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return page(
    200,
    "Stop these emails?",
    `<p>You will still see these notifications in your Tradeoff inbox.</p><form method="post" action="/api/unsubscribe?token=${encodeURIComponent(token)}"><button type="submit">Stop these emails</button></form>`,
  );
}

export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  try {
    await unsubscribe(db(), requireSecret(authEnv()), token);
  } catch (error) {
    if (error instanceof DomainError)
      return page(400, "Link not valid", `<p>${escapeHtml(error.message)}</p>`);
    throw error;
  }
  return page(
    200,
    "Unsubscribed",
    "<p>You will get no more emails of this kind. Change it back any time under Account, Notifications.</p>",
  );
}
