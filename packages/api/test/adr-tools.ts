import { execFileSync } from "node:child_process";

/**
 * Whether adr-tools (Debian's `adr-tools` package) is installed. CI installs it: there its absence
 * fails the file rather than skipping what reads exports with it.
 */
export const hasAdr = (() => {
  try {
    execFileSync("sh", ["-c", "command -v adr"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
if (!hasAdr && process.env.CI)
  throw new Error("adr-tools is missing: apt-get install -y adr-tools");

/** adr-tools run in `cwd`; `adr new` gets an editor that saves the file as it is. */
export const adrIn = (cwd: string, ...args: string[]) =>
  execFileSync("adr", args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, EDITOR: "true", VISUAL: "" },
  });
