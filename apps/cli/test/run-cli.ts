import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const cliRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = join(cliRoot, "..", "..");
const bin = join(cliRoot, "bin", "tradeoff.js");

export type CliResult = { code: number; stdout: string; stderr: string };

/**
 * Runs the real `tradeoff` binary with node, as a user would, optionally feeding stdin. `env`
 * adds to this process's environment (a variable set to undefined is left out); `maxFileKb` runs
 * it under that file size limit (the shell's `ulimit -f`), as on a full disk; `timeout` kills it
 * after that many milliseconds. The CLI's own tests and the e2e specs (`tradeoff/testing`) both
 * run it through here.
 */
export function runCli(
  args: string[],
  options: {
    stdin?: string;
    cwd?: string;
    env?: Record<string, string | undefined>;
    maxFileKb?: number;
    timeout?: number;
  } = {},
): Promise<CliResult> {
  const [file, argv]: [string, string[]] =
    options.maxFileKb === undefined
      ? [process.execPath, [bin, ...args]]
      : [
          "bash",
          [
            "-c",
            `ulimit -f ${options.maxFileKb} && exec "$0" "$@"`,
            process.execPath,
            bin,
            ...args,
          ],
        ];
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", ...options.env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return new Promise((resolve) => {
    const child = execFile(
      file,
      argv,
      { cwd: options.cwd ?? cliRoot, env, timeout: options.timeout ?? 0 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(options.stdin ?? "");
  });
}
