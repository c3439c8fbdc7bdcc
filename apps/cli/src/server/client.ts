import type { AppRouter } from "@tradeoff/api";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { CliError, EXIT_AUTH, EXIT_BAD_INPUT, EXIT_REFUSED, EXIT_UNREACHABLE } from "../errors";
import type { ServerConfig } from "./config";

/** An address on the server: the saved URL, any trailing slash dropped, then `path`. */
export const serverUrl = (config: ServerConfig, path: string) =>
  `${config.url.replace(/\/+$/, "")}${path}`;

/** A typed tRPC client of the server's API, authenticated with a personal access token. */
export function createClient(config: ServerConfig) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: serverUrl(config, "/api/trpc"),
        headers: { authorization: `Bearer ${config.token}` },
      }),
    ],
  });
}

export type Client = ReturnType<typeof createClient>;

/**
 * Runs one API call and turns its failure into a message and exit code a person or a script
 * can act on: the server unreachable, the token refused, or the server's own message.
 */
export async function call<T>(config: ServerConfig, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    const data = (error.data ?? {}) as {
      code?: string;
      httpStatus?: number;
      fieldErrors?: Record<string, string[]> | null;
    };
    if (!data.code) {
      // Something answered, but not Tradeoff's API (a web page, other JSON): a wrong address.
      const answered = error.cause instanceof SyntaxError || error.meta?.response !== undefined;
      throw new CliError(
        EXIT_UNREACHABLE,
        answered
          ? `${config.url} answers, but not as a Tradeoff server. Check the address: it is the one you open Tradeoff at in a browser.`
          : `Cannot reach the Tradeoff server at ${config.url} (${error.message}). Check the address and that the server is running.`,
      );
    }
    if (data.code === "UNAUTHORIZED") {
      const hint = /token/i.test(error.message) ? "" : " Your token may have been revoked.";
      throw new CliError(
        EXIT_AUTH,
        `${error.message}${hint} Run \`tradeoff login --url ${config.url}\` with a new token.`,
      );
    }
    const fields = Object.entries(data.fieldErrors ?? {}).flatMap(([field, messages]) =>
      (messages ?? []).map((m) => `  ${field}: ${m}`),
    );
    const message = [error.message, ...fields].join("\n");
    throw new CliError(data.code === "BAD_REQUEST" ? EXIT_BAD_INPUT : EXIT_REFUSED, message);
  }
}
