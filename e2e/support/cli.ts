import { execFile } from "node:child_process";
import { join } from "node:path";

const bin = join(import.meta.dirname, "..", "..", "apps", "cli", "bin", "tradeoff.js");

export type Run = { code: number; stdout: string; stderr: string };

/** Runs the real `tradeoff` binary with its own config directory, as a user's shell would. */
export function tradeoff(configDir: string, args: string[], stdin = ""): Promise<Run> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TRADEOFF_CONFIG_DIR: configDir,
      NO_COLOR: "1",
    };
    delete env.TRADEOFF_URL;
    delete env.TRADEOFF_TOKEN;
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { env, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({
          code: error ? (typeof error.code === "number" ? error.code : 1) : 0,
          stdout,
          stderr,
        });
      },
    );
    child.stdin?.end(stdin);
  });
}
