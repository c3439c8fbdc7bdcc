import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const appDir = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Starts the real server (`server.ts`, as `npm start` does) with `settings` added to a valid
 * environment; resolves with its exit code and what it wrote to stderr, or "running" when it
 * was still up after `waitMs` (it is then stopped).
 */
function start(settings: Record<string, string>, waitMs = 30_000) {
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts", "--port", "3195"], {
    cwd: appDir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/tradeoff_startup_check",
      NEXTAUTH_SECRET: "a-startup-check-secret-of-forty-characters-x",
      NEXTAUTH_URL: "http://localhost:3195",
      ...settings,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  return new Promise<{ code: number | "running"; stderr: string }>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve({ code: "running", stderr });
    }, waitMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stderr });
    });
  });
}

describe("mail settings are checked when the server starts", () => {
  for (const { refuses, settings, says } of [
    {
      refuses: "refuses to start with a malformed SMTP_URL, naming it",
      settings: { SMTP_URL: "smtp//mail.example.com", EMAIL_FROM: "a@example.com" },
      says: "SMTP_URL must be the mail server's URL, such as smtp://user:password@mail.example.com:587",
    },
    {
      refuses: "refuses to start with an EMAIL_FROM that is not an address, naming it",
      settings: { SMTP_URL: "smtp://mail.example.com", EMAIL_FROM: "noreply" },
      says: 'EMAIL_FROM must be one sender address, such as noreply@example.com or "Tradeoff <noreply@example.com>" (it is "noreply").',
    },
  ]) {
    it(refuses, async () => {
      const result = await start(settings);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Tradeoff cannot start: ${says}`);
    }, 60_000);
  }
});

describe("the public address is checked when the server starts", () => {
  it("refuses to start when NEXTAUTH_URL has a path, saying to serve the app at the root", async () => {
    const result = await start({ NEXTAUTH_URL: "http://localhost:3195/tradeoff" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "NEXTAUTH_URL must be the app's origin only, with no path, query or fragment (such as https://tradeoff.example.com): Tradeoff is served at the root of its address",
    );
  }, 60_000);
});
