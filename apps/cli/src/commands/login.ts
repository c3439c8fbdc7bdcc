import { createInterface } from "node:readline/promises";
import type { Command } from "commander";
import { CliError, EXIT_BAD_INPUT, EXIT_USAGE } from "../errors";
import type { Io } from "../io";
import { call, createClient, tokenIsReadOnly } from "../server/client";
import { ADDRESS_EXAMPLE, configDir, saveConfig, webAddress } from "../server/config";

type LoginOptions = { url: string; token?: string };

/** The token from --token, else standard input when it is not a terminal, else a prompt. */
async function readToken(options: LoginOptions, io: Io): Promise<string> {
  if (options.token) return options.token.trim();
  if (!process.stdin.isTTY) return (await io.readStdin()).trim();
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return (
      await rl.question("Personal access token (create one under Account > Access tokens): ")
    ).trim();
  } finally {
    rl.close();
  }
}

/** `tradeoff login --url URL`: checks a personal access token and saves it for later commands. */
export function registerLogin(program: Command, io: Io): void {
  program
    .command("login")
    .summary("save a server address and personal access token")
    .description(
      "Check a personal access token against a Tradeoff server and save both in the config\n" +
        "directory ($TRADEOFF_CONFIG_DIR, $XDG_CONFIG_HOME/tradeoff or ~/.config/tradeoff),\n" +
        "readable by you only.",
    )
    .requiredOption("-u, --url <url>", "the server's address, e.g. https://tradeoff.example.com")
    .option("-t, --token <token>", "the token (else read from standard input or a prompt)")
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  tradeoff login --url https://tradeoff.example.com\n" +
        '  echo "$TRADEOFF_TOKEN" | tradeoff login --url https://tradeoff.example.com',
    )
    .action(async (options: LoginOptions) => {
      const url = webAddress(options.url);
      if (!url) {
        throw new CliError(
          EXIT_USAGE,
          `"${options.url}" is not a web address; ${ADDRESS_EXAMPLE}.`,
        );
      }
      const token = await readToken(options, io);
      if (!token)
        throw new CliError(
          EXIT_USAGE,
          "No token given: pass --token, pipe it in, or type it at the prompt.",
        );
      const config = { url: url.origin + url.pathname.replace(/\/+$/, ""), token };
      const client = createClient(config);
      const account = await call(config, () => client.account.get.query());
      const teams = await call(config, () => client.team.list.query());
      const readOnly = await tokenIsReadOnly(config);
      const file = await saveConfig(config).catch((error: NodeJS.ErrnoException) => {
        throw new CliError(EXIT_BAD_INPUT, saveProblem(error));
      });
      io.stdout(
        `Signed in to ${config.url} as ${account.name ?? account.email}; teams: ${teams.map((t) => t.slug).join(", ") || "none"}.\n${readOnly ? READ_ONLY_NOTE : ""}Saved to ${file}.\n`,
      );
    });
}

const READ_ONLY_NOTE =
  "This token is read-only: projects, show and export work; vote, open, close, decide and the other changes are refused. For those, create a read-write token under Account > Access tokens and log in with it.\n";

/** Why the login could not be saved, and the two ways around it, not the system's own words. */
function saveProblem(error: NodeJS.ErrnoException): string {
  const why =
    error.code === "EACCES" || error.code === "EPERM" || error.code === "EROFS"
      ? "permission denied"
      : error.code === "ENOTDIR" || error.code === "EEXIST"
        ? "part of this path is a file, not a folder"
        : error.code === "ENOSPC"
          ? "the disk is full"
          : error.code === "EFBIG"
            ? "the file size limit is reached"
            : error.message;
  return `Cannot save the login in ${configDir()} (${why}). Set TRADEOFF_CONFIG_DIR to a folder you may write to, or give each command TRADEOFF_URL and TRADEOFF_TOKEN instead.`;
}
