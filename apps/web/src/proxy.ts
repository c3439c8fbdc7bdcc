import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy } from "../security-headers";
import { REQUESTED_PAGE_HEADER } from "./lib/return-path";

/**
 * A fresh nonce for every page request, in the Content-Security-Policy of both the request
 * (Next.js reads it there and puts the nonce on every script it renders) and the response (the
 * browser then runs only those inline scripts). Pages are rendered per request anyway, so the
 * nonce costs no caching. Next.js's documented way: docs/01-app/02-guides/content-security-policy.
 * The page asked for (path and query) goes along too: a layout cannot read it otherwise, and a
 * signed-out visitor of any page is sent to sign in and back to that very page.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const policy = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  headers.set(REQUESTED_PAGE_HEADER, requestedPage(request));
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

/** Path and query of the page, without the marker Next.js adds to its own navigations. */
function requestedPage(request: NextRequest): string {
  const url = request.nextUrl.clone();
  url.searchParams.delete("_rsc");
  return `${url.pathname}${url.search}`;
}

export const config = {
  matcher: [
    {
      // Pages only: not the API, Next's static files, or the icon.
      source: "/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)",
      // A prefetch renders no scripts of its own.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
