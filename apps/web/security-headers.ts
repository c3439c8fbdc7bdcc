/**
 * Security headers on every response. The Content-Security-Policy is static (no per-request
 * nonce, which would force every page to render dynamically): scripts only from this origin,
 * inline scripts allowed because Next's hydration data is inline, and never eval in
 * production (`next dev` needs it for fast refresh). See docs/teams-and-access.md.
 */
const isDev = process.env.NODE_ENV === "development";
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${isDev ? " ws:" : ""}`,
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

export const securityHeaders: { key: string; value: string }[] = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
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
