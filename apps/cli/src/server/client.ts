import type { AppRouter } from "@tradeoff/api";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import {
  CliError,
  EXIT_AUTH,
  EXIT_BAD_INPUT,
  EXIT_REFUSED,
  EXIT_TIMEOUT,
  EXIT_UNREACHABLE,
} from "../errors";
import { requestTimeoutSeconds, type ServerConfig } from "./config";

/** An address on the server: the saved URL, any trailing slash dropped, then `path`. */
export const serverUrl = (config: ServerConfig, path: string) =>
  `${config.url.replace(/\/+$/, "")}${path}`;

/**
 * The exit code of what the server answered, where it is not "refused" (5): what it found
 * invalid or too large to read is bad input (1); a server that answers it cannot serve now
 * (its database down, a restart) or that failed on its side (500, "try again in a moment") is,
 * like one that does not answer, unreachable (4): try again. Nothing refused the request.
 */
const EXIT_CODES: Record<string, number> = {
  BAD_REQUEST: EXIT_BAD_INPUT,
  PAYLOAD_TOO_LARGE: EXIT_BAD_INPUT,
  SERVICE_UNAVAILABLE: EXIT_UNREACHABLE,
  INTERNAL_SERVER_ERROR: EXIT_UNREACHABLE,
};

/**
 * A typed tRPC client of the server's API, authenticated with a personal access token. Each
 * request, its answer read in full, ends after TRADEOFF_TIMEOUT seconds (30): fetch itself
 * would wait five minutes for a server that took the request and went silent.
 */
export function createClient(config: ServerConfig) {
  const timeoutMs = requestTimeoutSeconds() * 1000;
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: serverUrl(config, "/api/trpc"),
        headers: { authorization: `Bearer ${config.token}` },
        fetch: async (url, init) => {
          const timeout = AbortSignal.timeout(timeoutMs);
          const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
          const response = await fetch(url, { ...(init as RequestInit), signal });
          // A proxy's own error page, not the app's JSON: the app behind it is down.
          const json = /json/.test(response.headers.get("content-type") ?? "");
          if (GATEWAY_STATUSES.has(response.status) && !json)
            throw new GatewayError(response.status);
          // Too many requests, from a proxy (plain text) or the API (its JSON): wait, then retry.
          if (response.status === 429) {
            const body = json
              ? ((await response
                  .clone()
                  .json()
                  .catch(() => null)) as { error?: { message?: unknown } } | null)
              : null;
            const message = body?.error?.message;
            throw new RateLimitError(
              retryAfterSeconds(response.headers.get("retry-after")),
              typeof message === "string" ? message : null,
            );
          }
          return response;
        },
      }),
    ],
  });
}

export type Client = ReturnType<typeof createClient>;

/** What a proxy or load balancer answers when the app behind it does not. */
const GATEWAY_STATUSES = new Set([502, 503, 504]);

class GatewayError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
    this.name = "GatewayError";
  }
}

class RateLimitError extends Error {
  constructor(
    readonly waitSeconds: number | null,
    readonly serverMessage: string | null,
  ) {
    super("HTTP 429");
    this.name = "RateLimitError";
  }
}

/** Retry-After in seconds: a number of seconds or an HTTP date; null when absent or unreadable. */
function retryAfterSeconds(header: string | null): number | null {
  const value = header?.trim() ?? "";
  if (/^\d{1,9}$/.test(value)) return Number(value);
  const at = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(at) ? null : Math.max(1, Math.ceil((at - Date.now()) / 1000));
}

/**
 * Whether the token may only read. The server refuses a read-only token's every request but a
 * GET (403, FORBIDDEN) before any procedure runs, and tRPC answers a query sent as POST
 * "method not supported" (405) without running it: a POST to `account.get` tells the two apart
 * and changes nothing. Null when the answer is neither (another server version): unknown.
 */
export async function tokenIsReadOnly(config: ServerConfig): Promise<boolean | null> {
  try {
    const response = await fetch(serverUrl(config, "/api/trpc/account.get"), {
      method: "POST",
      headers: { authorization: `Bearer ${config.token}`, "content-type": "application/json" },
      body: "{}",
      signal: AbortSignal.timeout(requestTimeoutSeconds() * 1000),
    });
    const body = (await response.json().catch(() => null)) as {
      error?: { data?: { code?: string } };
    } | null;
    const code = body?.error?.data?.code;
    if (response.status === 403 && code === "FORBIDDEN") return true;
    if (response.status === 405 && code === "METHOD_NOT_SUPPORTED") return false;
    return null;
  } catch {
    return null;
  }
}

/**
 * Runs one API call and turns its failure into a message and exit code a person or a script
 * can act on: the server unreachable, the token refused, or the server's own message. The
 * server names a field by the API's name (`reviewDate`); `options` maps those to what the
 * command line calls them (`--review-by`), so the message points at what to change.
 */
export async function call<T>(
  config: ServerConfig,
  run: () => Promise<T>,
  options: Record<string, string> = {},
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    if (timedOut(error)) {
      throw new CliError(
        EXIT_TIMEOUT,
        `The Tradeoff server at ${config.url} did not answer within ${requestTimeoutSeconds()} s. It may be busy or stuck: try again later, or wait longer with TRADEOFF_TIMEOUT=<seconds>. A change you asked for may still be made: check before repeating it.`,
      );
    }
    const data = (error.data ?? {}) as {
      code?: string;
      httpStatus?: number;
      fieldErrors?: Record<string, string[]> | null;
    };
    if (error.cause instanceof GatewayError) {
      throw new CliError(
        EXIT_UNREACHABLE,
        `The Tradeoff server at ${config.url} cannot serve now: it answered HTTP ${error.cause.status}, as a proxy or load balancer does when the app behind it is down or restarting. Try again in a moment; if it keeps failing, tell whoever runs the server.`,
      );
    }
    if (error.cause instanceof RateLimitError) {
      const { waitSeconds, serverMessage } = error.cause;
      const wait = waitSeconds === null ? "in a moment" : `in ${waitSeconds} s`;
      throw new CliError(
        EXIT_UNREACHABLE,
        `The Tradeoff server at ${config.url} is rate limiting this client (HTTP 429, too many requests): ${serverMessage ? `${serverMessage} Try again ${wait}.` : `try again ${wait}.`}`,
      );
    }
    if (!data.code) {
      // Something answered, but not Tradeoff's API (a web page, other JSON): a wrong address.
      const answered = error.cause instanceof SyntaxError || error.meta?.response !== undefined;
      throw new CliError(
        EXIT_UNREACHABLE,
        answered
          ? `${config.url} answers, but not as a Tradeoff server. Check the address: it is the one you open Tradeoff at in a browser.`
          : `Cannot reach the Tradeoff server at ${config.url} (${unreachable(error, config.url)}). Check the address and that the server is running.`,
      );
    }
    if (data.code === "UNAUTHORIZED") {
      const hint = /token/i.test(error.message) ? "" : " Your token may have been revoked.";
      throw new CliError(
        EXIT_AUTH,
        config.tokenFromEnv
          ? `${error.message}${hint} It is TRADEOFF_TOKEN's, which is used instead of any saved login: set TRADEOFF_TOKEN to a new token, or unset it to use \`tradeoff login\`'s.`
          : `${error.message}${hint} Run \`tradeoff login --url ${config.url}\` with a new token.`,
      );
    }
    const fields = Object.entries(data.fieldErrors ?? {}).flatMap(([field, messages]) =>
      (messages ?? []).map((m) => `  ${options[field] ?? field}: ${m}`),
    );
    const message = [error.message, ...fields].join("\n");
    throw new CliError(EXIT_CODES[data.code] ?? EXIT_REFUSED, message);
  }
}

/** Whether the request was given up on after TRADEOFF_TIMEOUT (AbortSignal.timeout's error). */
function timedOut(error: TRPCClientError<AppRouter>): boolean {
  let cause: unknown = error.cause;
  for (let depth = 0; cause && depth < 3; depth++) {
    if ((cause as Error).name === "TimeoutError") return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Why a request got no answer, in words: fetch says only "fetch failed" and keeps the reason
 * (refused, unknown host, http spoken to https...) in its cause.
 */
function unreachable(error: TRPCClientError<AppRouter>, url: string): string {
  const cause = (error.cause as { cause?: unknown } | undefined)?.cause as
    | (Error & { code?: string; errors?: { code?: string }[] })
    | undefined;
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  const host = URL.canParse(url) ? new URL(url).hostname : url;
  if (code === "ECONNREFUSED") return "connection refused: nothing answers at that port";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `no host named ${host} was found`;
  if (code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT")
    return "no answer: the connection timed out";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "the connection was cut";
  if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT")
    return "it took the request but gave no answer in time";
  if (code === "ERR_SSL_WRONG_VERSION_NUMBER" || code === "EPROTO")
    return "it does not answer https there: is the address http://?";
  if (code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))
    return `its TLS certificate is not trusted here (${code}); NODE_EXTRA_CA_CERTS can name your CA`;
  if (cause?.message === "bad port") return "a port that fetch refuses to connect to";
  return cause?.message ?? error.message;
}
