import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { CliError, EXIT_AUTH } from "../errors";

type Env = Record<string, string | undefined>;

export type ServerConfig = { url: string; token: string };

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
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  // writeFile keeps the mode of an existing file: make sure an older, looser one is tightened.
  await chmod(file, 0o600);
  return file;
}

/** The saved server, with TRADEOFF_URL / TRADEOFF_TOKEN taking precedence (for CI). */
export async function loadConfig(env: Env = process.env): Promise<ServerConfig> {
  let saved: Partial<ServerConfig> = {};
  try {
    saved = JSON.parse(await readFile(configFile(env), "utf8")) as Partial<ServerConfig>;
  } catch {
    // No saved login: the environment may still provide one.
  }
  const url = env.TRADEOFF_URL || saved.url;
  const token = env.TRADEOFF_TOKEN || saved.token;
  if (!url || !token) {
    throw new CliError(
      EXIT_AUTH,
      "Not signed in to a Tradeoff server. Run `tradeoff login --url https://your-server` first.",
    );
  }
  return { url, token };
}
