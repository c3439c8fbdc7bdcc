import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type APIRequestContext, expect } from "@playwright/test";
import { type CliResult, runCli } from "tradeoff/testing";
import { baseURL } from "../playwright.config";
import { mutate } from "./decisions";

export type Run = CliResult;

/**
 * Runs the real `tradeoff` binary with its own config directory, as a user's shell would (no
 * TRADEOFF_URL or TRADEOFF_TOKEN from this shell); `maxFileKb` runs it under that file size
 * limit (the shell's `ulimit -f`), as on a full disk.
 */
export function tradeoff(
  configDir: string,
  args: string[],
  stdin = "",
  options: { maxFileKb?: number } = {},
): Promise<Run> {
  return runCli(args, {
    stdin,
    cwd: process.cwd(),
    env: { TRADEOFF_CONFIG_DIR: configDir, TRADEOFF_URL: undefined, TRADEOFF_TOKEN: undefined },
    timeout: 60_000,
    ...options,
  });
}

/** A personal access token of `request`'s signed-in user, made as the account page makes one. */
export function createToken(
  request: APIRequestContext,
  name: string,
  scope: "READ" | "READ_WRITE" = "READ_WRITE",
) {
  return mutate<{ id: string; token: string }>(request, "token.create", { name, scope });
}

/** The CLI's config directory on a machine where it has never run. */
export function freshCliConfig(): Promise<string> {
  return mkdtemp(join(tmpdir(), "tradeoff-cli-"));
}

/**
 * A CLI logged in to the e2e server (`tradeoff login --token`) with a new token of `request`'s
 * user; returns its config directory and the token.
 */
export async function loggedInCli(
  request: APIRequestContext,
  tokenName: string,
  scope: "READ" | "READ_WRITE" = "READ_WRITE",
) {
  const token = await createToken(request, tokenName, scope);
  const config = await freshCliConfig();
  expect((await tradeoff(config, ["login", "--url", baseURL, "--token", token.token])).code).toBe(
    0,
  );
  return { config, token };
}
