import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const cliRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = join(cliRoot, "..", "..");
const bin = join(cliRoot, "bin", "tradeoff.js");

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs the real `tradeoff` binary with node, as a user would, optionally feeding stdin. */
export function runCli(
  args: string[],
  options: { stdin?: string; cwd?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { cwd: options.cwd ?? cliRoot, env: { ...process.env, NO_COLOR: "1", ...options.env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(options.stdin ?? "");
  });
}
