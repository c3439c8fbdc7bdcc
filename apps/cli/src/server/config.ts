import { mkdir, readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { CliError, EXIT_AUTH, EXIT_USAGE } from "../errors";
import { writeWholeFile } from "../write-whole-file";

type Env = Record<string, string | undefined>;

/** `tokenFromEnv`: the token is TRADEOFF_TOKEN's, used instead of the saved login's. */
export type ServerConfig = { url: string; token: string; tokenFromEnv?: boolean };

/**
 * Where `tradeoff login` keeps the server address and token: $TRADEOFF_CONFIG_DIR, else
 * $XDG_CONFIG_HOME/tradeoff, else ~/.config/tradeoff. The file is readable by its owner only.
 */
export function configDir(env: Env = process.env): string {
  if (env.TRADEOFF_CONFIG_DIR) return env.TRADEOFF_CONFIG_DIR;
  const base = env.XDG_CONFIG_HOME || join(homedir(), ".config");
  return join(base, "tradeoff");
}

export const configFile = (env: Env = process.env) => join(configDir(env), "config.json");

export async function saveConfig(config: ServerConfig, env: Env = process.env) {
  const dir = configDir(env);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = configFile(env);
  // Whole or not at all: a full disk never leaves a cut-off login in place of a working one.
  const saved = { url: config.url, token: config.token };
  await writeWholeFile(file, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 });
  return file;
}

/** How a command names a valid server address. */
export const ADDRESS_EXAMPLE = "use e.g. https://tradeoff.example.com or http://localhost:3000";

/**
 * `text` as an http(s) address, else null: "localhost:3000" parses as a URL of scheme
 * "localhost:", and only http(s) reaches a server.
 */
export function webAddress(text: string): URL | null {
  const url = URL.canParse(text) ? new URL(text) : null;
  return url?.protocol === "http:" || url?.protocol === "https:" ? url : null;
}

/** The saved server, with TRADEOFF_URL / TRADEOFF_TOKEN taking precedence (for CI). */
export async function loadConfig(env: Env = process.env): Promise<ServerConfig> {
  let saved: Partial<ServerConfig> = {};
  let unreadable = "";
  try {
    saved = JSON.parse(await readFile(configFile(env), "utf8")) as Partial<ServerConfig>;
  } catch (error) {
    // No saved login: the environment may still provide one. A saved one that cannot be read
    // is said, or "not signed in" would send the user to a login they have done.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT")
      unreadable = `The saved login in ${configFile(env)} cannot be read (${
        code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : code === "EISDIR"
            ? "it is a folder"
            : error instanceof SyntaxError
              ? "it is not valid JSON"
              : (error as Error).message
      }). Run \`tradeoff login --url https://your-server\` to save it again.`;
  }
  if (env.TRADEOFF_URL && !webAddress(env.TRADEOFF_URL)) {
    throw new CliError(
      EXIT_USAGE,
      `TRADEOFF_URL "${env.TRADEOFF_URL}" is not a web address; ${ADDRESS_EXAMPLE}.`,
    );
  }
  const url = env.TRADEOFF_URL || saved.url;
  // The saved token belongs to the saved server: never send it to another one named by
  // TRADEOFF_URL (a typo, a script's server), which would hand it to whoever runs that one.
  if (
    env.TRADEOFF_URL &&
    !env.TRADEOFF_TOKEN &&
    saved.token &&
    !sameServer(env.TRADEOFF_URL, saved.url)
  ) {
    throw new CliError(
      EXIT_AUTH,
      `TRADEOFF_URL names ${env.TRADEOFF_URL}, but the saved login is for ${saved.url ?? "another server"}: its token is not sent elsewhere. Set TRADEOFF_TOKEN too, or run \`tradeoff login --url ${env.TRADEOFF_URL}\`.`,
    );
  }
  const token = env.TRADEOFF_TOKEN || saved.token;
  // Half of a login given by the environment (CI): name the variable that is missing.
  if (!unreadable && env.TRADEOFF_URL && !token)
    throw new CliError(
      EXIT_AUTH,
      `TRADEOFF_URL is set, but TRADEOFF_TOKEN is not: set it to an access token for ${env.TRADEOFF_URL} (Account > Access tokens), or run \`tradeoff login --url ${env.TRADEOFF_URL}\`.`,
    );
  if (!unreadable && env.TRADEOFF_TOKEN && !url)
    throw new CliError(
      EXIT_AUTH,
      "TRADEOFF_TOKEN is set, but TRADEOFF_URL is not: set it to the server's address (e.g. https://tradeoff.example.com), or run `tradeoff login --url https://your-server`.",
    );
  if (!url || !token) {
    throw new CliError(
      EXIT_AUTH,
      unreadable ||
        "Not signed in to a Tradeoff server. Run `tradeoff login --url https://your-server` first.",
    );
  }
  return { url, token, tokenFromEnv: Boolean(env.TRADEOFF_TOKEN) };
}

/** How long a request waits for the server's answer when TRADEOFF_TIMEOUT is not set. */
export const DEFAULT_TIMEOUT_SECONDS = 30;

/** The seconds a request waits for the server's answer: TRADEOFF_TIMEOUT, else 30. */
export function requestTimeoutSeconds(env: Env = process.env): number {
  const raw = env.TRADEOFF_TIMEOUT?.trim();
  if (!raw) return DEFAULT_TIMEOUT_SECONDS;
  const seconds = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || seconds <= 0 || seconds > 3600) {
    throw new CliError(
      EXIT_USAGE,
      `TRADEOFF_TIMEOUT is "${raw}": give the seconds to wait for the server's answer, a number above 0 and at most 3600 (default ${DEFAULT_TIMEOUT_SECONDS}).`,
    );
  }
  return seconds;
}

/** Whether two addresses name the same server (the same origin and path, a trailing slash aside). */
function sameServer(a: string, b: string | undefined): boolean {
  if (!b) return false;
  const normal = (url: string) => {
    try {
      const parsed = new URL(url);
      return parsed.origin + parsed.pathname.replace(/\/+$/, "");
    } catch {
      return url.replace(/\/+$/, "");
    }
  };
  return normal(a) === normal(b);
}
