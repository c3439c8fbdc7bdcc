/**
 * Security headers on every response. Scripts come only from this origin and never use eval in
 * production (`next dev` needs it for fast refresh). A page also allows the inline scripts that
 * carry this request's nonce (Next's hydration data, the theme and early-press scripts), and
 * what they load (`'strict-dynamic'`); `src/proxy.ts` makes a nonce per page request. Every
 * other answer (the API's JSON, static files, the API description page) allows no inline script
 * at all. See docs/teams-and-access.md.
 */
const isDev = process.env.NODE_ENV === "development";

export function contentSecurityPolicy(nonce?: string): string {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${isDev ? " ws:" : ""}`,
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** The headers every response carries, whatever it is. */
export const baseSecurityHeaders: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** An answer that is not a page (pages get theirs, with a nonce, from `src/proxy.ts`). */
export const securityHeaders: { key: string; value: string }[] = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy() },
  ...baseSecurityHeaders,
];

/**
 * Strict-Transport-Security, decided when the server starts (not when the app is built, so one
 * build serves both): sent when the deployment's public URL is https, never for a plain local
 * run, where it would leave the browser refusing http://localhost for a year.
 */
export function transportSecurityHeaders(publicUrl: string | undefined) {
  return publicUrl?.startsWith("https://")
    ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }]
    : [];
}
