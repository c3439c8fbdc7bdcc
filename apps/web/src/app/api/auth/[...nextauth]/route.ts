import { requestIdFrom } from "@tradeoff/api/rest";
import { clientAddress } from "@tradeoff/auth";
import NextAuth from "next-auth";
import { authEnv } from "~/env";
import { authOptions, signInLimiter } from "~/server/auth";
import { emailLinkLimiter } from "~/server/limits";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

function handler(req: Request, context: RouteContext) {
  return NextAuth(req as never, context as never, authOptions(req));
}

/**
 * Password sign-in answers 429 with Retry-After while the attempt limits are reached (the
 * credentials check inside next-auth cannot set a status). The body keeps next-auth's
 * `{ url }` shape, so the sign-in form reads `error=RateLimited` and the wait from it. So does
 * asking for an emailed sign-in link, past SIGN_UP_LIMIT requests from one address an hour.
 */
async function post(req: Request, context: RouteContext) {
  const { nextauth } = await context.params;
  // next-auth acts on the first two segments alone (`signin/email/anything` is `signin/email`),
  // so the limits below are chosen by those two, never by the whole path.
  const [action, provider] = nextauth;
  // next-auth reads a JSON body with `req.json()` and answers a malformed one with a 500.
  if (await malformedJson(req)) return badRequest(req);
  if (action === "signin" && provider === "email") {
    const wait = await emailLinkLimiter().attempt(
      clientAddress(req.headers, authEnv().TRUST_PROXY),
    );
    if (wait > 0) return rateLimited(req, wait);
  }
  if (action === "callback" && provider === "credentials") {
    const form = await req
      .clone()
      .formData()
      .catch(() => null);
    const email = String(form?.get("email") ?? "")
      .trim()
      .toLowerCase();
    if (email) {
      const wait = await signInLimiter().retryAfter(
        email,
        clientAddress(req.headers, authEnv().TRUST_PROXY),
      );
      if (wait > 0) return rateLimited(req, wait);
    }
  }
  return handler(req, context);
}

function rateLimited(req: Request, wait: number) {
  const url = new URL("/sign-in", req.url);
  url.searchParams.set("error", "RateLimited");
  url.searchParams.set("retryAfter", String(wait));
  const requestId = requestIdFrom(req.headers.get("x-request-id"));
  return Response.json(
    { url: url.toString(), error: "RateLimited", retryAfter: wait, requestId },
    { status: 429, headers: { "Retry-After": String(wait), "x-request-id": requestId } },
  );
}

/** Whether the body is declared as JSON and is not. */
async function malformedJson(req: Request): Promise<boolean> {
  if (!/\bapplication\/json\b/i.test(req.headers.get("content-type") ?? "")) return false;
  try {
    await req.clone().json();
    return false;
  } catch {
    return true;
  }
}

/** A malformed body, told what to send, with the request id the API's refusals carry. */
function badRequest(req: Request) {
  const requestId = requestIdFrom(req.headers.get("x-request-id"));
  return Response.json(
    {
      error: "BadRequest",
      message:
        "The request body is not valid JSON. Send sign-in requests as a form (application/x-www-form-urlencoded), as the sign-in page does.",
      requestId,
    },
    { status: 400, headers: { "x-request-id": requestId } },
  );
}

export { handler as GET, post as POST };
