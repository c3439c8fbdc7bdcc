import { requestOrigin } from "@tradeoff/auth";
import { authEnv, env } from "~/env";

let configured: string | null | undefined;

/** NEXTAUTH_URL's origin when a public URL is configured, else null. */
function configuredOrigin(): string | null {
  if (configured === undefined) {
    const url = authEnv().NEXTAUTH_URL;
    configured = url ? new URL(url).origin : null;
  }
  return configured;
}

/**
 * The app's own origin, for links it hands out: the configured public URL, or (a local run
 * with none) the address this request was made to.
 */
export function appOrigin(req: Request): string {
  return configuredOrigin() ?? requestOrigin(req, authEnv().TRUST_PROXY);
}

/**
 * Whether a browser's Origin is this app: the configured public URL (or, with none, the
 * address the request was made to: http://127.0.0.1:3000 and http://localhost:3000 both work
 * locally), or one of ALLOWED_ORIGINS. Any other site is foreign.
 */
export function isOwnOrigin(origin: string, req: Request): boolean {
  if (origin === appOrigin(req)) return true;
  return env().ALLOWED_ORIGINS.includes(origin);
}
