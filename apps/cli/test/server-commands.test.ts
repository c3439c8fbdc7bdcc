import { mkdtemp, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { configDir } from "../src/server/config";
import { runCli } from "./run-cli";
import { stubServer } from "./stub-server";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tradeoff-config-"));
});

/**
 * A login (in this test's config folder) to a server that answers nowhere (port 9): the
 * refusals that use it must come before any call.
 */
const unreachableLogin = () => ({
  TRADEOFF_CONFIG_DIR: dir,
  TRADEOFF_URL: "http://127.0.0.1:9",
  TRADEOFF_TOKEN: "tro_x",
});

/** The commands that talk to a server fail clearly before and without one (a running server: e2e/specs/cli.spec.ts). */
describe("server commands without a server", () => {
  it("ask to log in first, with exit code 3", async () => {
    const result = await runCli(["projects"], { env: { TRADEOFF_CONFIG_DIR: dir } });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("Run `tradeoff login --url");
  });

  it("say the server cannot be reached, with exit code 4, and save nothing", async () => {
    const result = await runCli(["login", "--url", "http://127.0.0.1:9", "--token", "tro_x"], {
      env: { TRADEOFF_CONFIG_DIR: dir },
    });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain("Cannot reach the Tradeoff server at http://127.0.0.1:9");
    await expect(stat(join(dir, "config.json"))).rejects.toThrow();
  });

  it("say why the server cannot be reached: nothing listening, or https spoken to http", async () => {
    // A port just freed: nothing listens there any more.
    const gone = createServer();
    await new Promise<void>((listening) => gone.listen(0, "127.0.0.1", listening));
    const { port: free } = gone.address() as AddressInfo;
    await new Promise((closed) => gone.close(closed));
    const refused = await runCli(["projects"], {
      env: {
        TRADEOFF_CONFIG_DIR: dir,
        TRADEOFF_URL: `http://127.0.0.1:${free}`,
        TRADEOFF_TOKEN: "tro_x",
      },
    });
    expect(refused.code).toBe(4);
    expect(refused.stderr).toBe(
      `tradeoff: Cannot reach the Tradeoff server at http://127.0.0.1:${free} (connection refused: nothing answers at that port). Check the address and that the server is running.\n`,
    );
    // A server that speaks http, named with https.
    const plain = createServer((_req, res) => res.end("{}"));
    await new Promise<void>((listening) => plain.listen(0, "127.0.0.1", listening));
    const { port } = plain.address() as AddressInfo;
    try {
      const tls = await runCli(["projects", "--json"], {
        env: {
          TRADEOFF_CONFIG_DIR: dir,
          TRADEOFF_URL: `https://127.0.0.1:${port}`,
          TRADEOFF_TOKEN: "tro_x",
        },
      });
      expect(tls.code).toBe(4);
      expect(JSON.parse(tls.stderr).error.message).toContain(
        "(it does not answer https there: is the address http://?)",
      );
    } finally {
      plain.close();
    }
  });

  it("say that an address answering with a web page is not a Tradeoff server, with exit code 4", async () => {
    const page = createServer((_req, res) => {
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<!DOCTYPE html><html><body>Not found</body></html>");
    });
    await new Promise<void>((listening) => page.listen(0, "127.0.0.1", listening));
    const { port } = page.address() as AddressInfo;
    try {
      const url = `http://127.0.0.1:${port}/tradeoff`;
      const result = await runCli(["projects"], {
        env: { TRADEOFF_CONFIG_DIR: dir, TRADEOFF_URL: url, TRADEOFF_TOKEN: "tro_x" },
      });
      expect(result.code).toBe(4);
      expect(result.stderr).toContain(`${url} answers, but not as a Tradeoff server.`);
      expect(result.stderr).not.toMatch(/Unexpected token|not valid JSON/);
    } finally {
      page.close();
    }
  });

  it("say that the proxy in front of the server cannot reach it (502, 503, 504 pages), with exit code 4", async () => {
    let status = 502;
    const proxy = createServer((_req, res) => {
      res.writeHead(status, { "content-type": "text/html" });
      res.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
    });
    await new Promise<void>((listening) => proxy.listen(0, "127.0.0.1", listening));
    const { port } = proxy.address() as AddressInfo;
    try {
      const url = `http://127.0.0.1:${port}`;
      for (status of [502, 503, 504]) {
        const result = await runCli(["projects"], {
          env: { TRADEOFF_CONFIG_DIR: dir, TRADEOFF_URL: url, TRADEOFF_TOKEN: "tro_x" },
        });
        expect(result.code, String(status)).toBe(4);
        expect(result.stderr, String(status)).toBe(
          `tradeoff: The Tradeoff server at ${url} cannot serve now: it answered HTTP ${status}, as a proxy or load balancer does when the app behind it is down or restarting. Try again in a moment; if it keeps failing, tell whoever runs the server.\n`,
        );
      }
    } finally {
      proxy.close();
    }
  });

  it("say the server is rate limiting and when to try again (HTTP 429, a proxy's or the API's), with exit code 4", async () => {
    let answer: "proxy" | "api" | "date" = "proxy";
    const limited = createServer((_req, res) => {
      if (answer === "api") {
        res.writeHead(429, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            error: {
              message: "Too many requests from this token.",
              code: -32029,
              data: { code: "TOO_MANY_REQUESTS", httpStatus: 429 },
            },
          }),
        );
        return;
      }
      res.writeHead(429, {
        "content-type": "text/plain",
        "retry-after": answer === "date" ? new Date(Date.now() + 90_000).toUTCString() : "30",
      });
      res.end("Too Many Requests");
    });
    await new Promise<void>((listening) => limited.listen(0, "127.0.0.1", listening));
    const { port } = limited.address() as AddressInfo;
    try {
      const url = `http://127.0.0.1:${port}`;
      const env = { TRADEOFF_CONFIG_DIR: dir, TRADEOFF_URL: url, TRADEOFF_TOKEN: "tro_x" };
      const proxy = await runCli(["projects"], { env });
      expect(proxy.code).toBe(4);
      expect(proxy.stderr).toBe(
        `tradeoff: The Tradeoff server at ${url} is rate limiting this client (HTTP 429, too many requests): try again in 30 s.\n`,
      );
      answer = "date";
      const date = await runCli(["projects"], { env });
      expect(date.code).toBe(4);
      expect(date.stderr).toMatch(/try again in (8\d|90) s\.\n$/);
      answer = "api";
      const api = await runCli(["projects"], { env });
      expect(api.code).toBe(4);
      expect(api.stderr).toBe(
        `tradeoff: The Tradeoff server at ${url} is rate limiting this client (HTTP 429, too many requests): Too many requests from this token. Try again in a moment.\n`,
      );
    } finally {
      limited.close();
    }
  });

  it("say where the login cannot be saved and how to do without, with exit code 1", async () => {
    // A server that accepts the token: only saving it fails.
    const server = createServer((req, res) => {
      const data = req.url?.startsWith("/api/trpc/account.get")
        ? { name: "Ann", email: "ann@example.com" }
        : [];
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ result: { data } }));
    });
    await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
    const { port } = server.address() as AddressInfo;
    try {
      const blocker = join(dir, "a-file");
      await writeFile(blocker, "not a folder\n");
      const config = join(blocker, "tradeoff");
      const result = await runCli(
        ["login", "--url", `http://127.0.0.1:${port}`, "--token", "tro_x"],
        { env: { TRADEOFF_CONFIG_DIR: config } },
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `tradeoff: Cannot save the login in ${config} (part of this path is a file, not a folder). Set TRADEOFF_CONFIG_DIR to a folder you may write to, or give each command TRADEOFF_URL and TRADEOFF_TOKEN instead.\n`,
      );
    } finally {
      server.close();
    }
  });

  it("list a share link past its expiry as expired, not as one that expires", async () => {
    const stub = await stubServer(() => ({
      data: [
        { id: "old", revokedAt: null, expiresAt: "2020-01-31T00:00:00.000Z" },
        { id: "new", revokedAt: null, expiresAt: "2999-01-31T00:00:00.000Z" },
      ],
    }));
    try {
      // A project named by its id: the only call is share.list.
      const result = await runCli(["share", "cmproject", "--list"], { env: stub.env(dir) });
      expect(result.stderr).toBe("");
      expect(result.stdout).toBe("old  expired 2020-01-31\nnew  expires 2999-01-31\n");
    } finally {
      await stub.close();
    }
  });

  it("say that export --out names a file, not a folder, with exit code 1 and no system error", async () => {
    const existing = join(dir, "notes.md");
    await writeFile(existing, "kept as it was\n");
    const result = await runCli(["export", "billing/1", "--format", "madr", "--out", existing], {
      env: { TRADEOFF_CONFIG_DIR: dir },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `tradeoff: --out ${existing}: this is a file, not a folder. Give the folder to write the record into (it is created if missing), or leave --out out to print the record.\n`,
    );
    expect(result.stderr).not.toMatch(/EEXIST|ENOTDIR|errno/);
  });

  it("say what export --all needs before asking the server: a Markdown format and an --out folder", async () => {
    const env = { TRADEOFF_CONFIG_DIR: dir };
    const pdf = await runCli(["export", "--all", "--format", "pdf", "--out", dir], { env });
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain("use --format madr, log4brains or nygard");
    const noOut = await runCli(["export", "--all", "--format", "nygard"], { env });
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("give it with --out (for example --out docs/decisions)");
    const onFile = join(dir, "index.md");
    await writeFile(onFile, "kept\n");
    const file = await runCli(["export", "--all", "--format", "madr", "--out", onFile], { env });
    expect(file.code).toBe(1);
    expect(file.stderr).toContain("this is a file, not a folder");
    // Usage: no project and no --all; --check without --all.
    expect((await runCli(["export", "--format", "madr"], { env })).code).toBe(2);
    expect((await runCli(["export", "billing/1", "--check"], { env })).code).toBe(2);
  }, 120_000);

  it("refuse a malformed address or choice as usage errors (exit 2)", async () => {
    const env = { TRADEOFF_CONFIG_DIR: dir };
    const login = await runCli(["login", "--url", "not a url", "--token", "tro_x"], { env });
    expect(login.code).toBe(2);
    expect(login.stderr).toContain("is not a web address");
    // A scheme-less host:port or another scheme is no server address either, and nothing is saved.
    for (const url of ["localhost:3000", "ftp://tradeoff.example.com"]) {
      const other = await runCli(["login", "--url", url, "--token", "tro_x"], { env });
      expect(other.code, url).toBe(2);
      expect(other.stderr, url).toContain(`"${url}" is not a web address`);
    }
    await expect(stat(join(dir, "config.json"))).rejects.toThrow();
    const status = await runCli(["projects", "--status", "done"], { env });
    expect(status.code).toBe(2);
    expect(status.stderr).toContain(
      "Allowed choices are draft, open, closed, decided, superseded, archived",
    );
    expect((await runCli(["decide", "billing/1", "--option", "drf"], { env })).code).toBe(2);
  });

  it("with --json, say a usage error as JSON on stderr too, and nothing else", async () => {
    const env = { TRADEOFF_CONFIG_DIR: dir };
    for (const args of [
      ["projects", "--status", "done", "--json"],
      ["show", "billing/1", "--json"],
      ["vote", "billing/1", "--json"],
    ]) {
      const result = await runCli(args, { env });
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stdout, args.join(" ")).toBe("");
      const { error } = JSON.parse(result.stderr) as {
        error: { message: string; exitCode: number };
      };
      expect(error.exitCode, args.join(" ")).toBe(2);
      expect(error.message, args.join(" ")).toMatch(/^(option|unknown option|required option)/);
    }
  });

  it("answer in text when --json is only another option's value or an operand after --", async () => {
    const env = { TRADEOFF_CONFIG_DIR: dir };
    for (const args of [
      ["decide", "billing/1", "--option", "drf", "--rationale", "--json"],
      ["vote", "billing/1", "-c", "x", "-r", "--json"],
      ["revise", "billing/1", "--rationale", "Async.", "--note", "--json"],
    ]) {
      const result = await runCli(args, { env });
      expect(result.code, args.join(" ")).toBe(3);
      expect(result.stderr, args.join(" ")).toBe(
        "tradeoff: Not signed in to a Tradeoff server. Run `tradeoff login --url https://your-server` first.\n",
      );
    }
    const operand = await runCli(["projects", "--", "--json"], { env });
    expect(operand.code).toBe(2);
    expect(operand.stderr).toMatch(/^error: too many arguments/);
    // As an option it still asks for JSON, wherever it stands among the others.
    const asOption = await runCli(["vote", "billing/1", "--json", "-c", "x", "-r", "why"], {
      env,
    });
    expect(asOption.code).toBe(3);
    expect(JSON.parse(asOption.stderr)).toMatchObject({ error: { exitCode: 3 } });
  });

  it("refuse an out-of-range importance or score as bad input (exit 1), in the web app's words", async () => {
    const env = { TRADEOFF_CONFIG_DIR: dir };
    const importance = await runCli(
      ["vote", "billing/1", "--criterion", "x", "--importance", "9"],
      { env },
    );
    expect(importance.code).toBe(1);
    expect(importance.stderr).toBe("--importance 9: Importance is a whole number from 0 to 5.\n");
    const score = await runCli(
      ["vote", "billing/1", "--criterion", "x", "--score", "drf=9", "--json"],
      { env },
    );
    expect(score.code).toBe(1);
    expect(JSON.parse(score.stderr)).toEqual({
      error: { message: "--score drf=9: A score is a whole number from 1 to 5.", exitCode: 1 },
    });
  });

  it("vote --no-opinion: send the no-opinion mark, with no importance and no scores, and say so", async () => {
    const stub = await stubServer(() => ({
      data: {
        criterionKey: "admin-orm",
        weight: null,
        scores: { drf: null, fastapi: null },
        noOpinion: true,
        rationale: null,
        savedAt: "2026-12-05T12:00:00.000Z",
      },
    }));
    const env = stub.env(dir);
    try {
      // A project named by its id: the only call is vote.cast.
      const result = await runCli(["vote", "cmproject", "-c", "admin-orm", "--no-opinion"], {
        env,
      });
      expect(result.stderr).toBe("");
      expect(result.stdout).toBe("Saved your vote on admin-orm: no opinion.\n");
      expect(stub.calls).toEqual([
        {
          procedure: "vote.cast",
          method: "POST",
          input: {
            projectId: "cmproject",
            criterionKey: "admin-orm",
            weight: null,
            scores: {},
            noOpinion: true,
          },
        },
      ]);
      // It cannot come with an importance or a score: a usage error, and nothing is sent.
      stub.calls.length = 0;
      for (const extra of [
        ["--importance", "3"],
        ["--score", "drf=4"],
      ]) {
        const both = await runCli(
          ["vote", "cmproject", "-c", "admin-orm", "--no-opinion", ...extra, "--json"],
          { env },
        );
        expect(both.code, extra.join(" ")).toBe(2);
        expect(JSON.parse(both.stderr).error.message, extra.join(" ")).toMatch(
          /^option '--no-opinion' cannot be used with option '-[is], --(importance|score)/,
        );
      }
      expect(stub.calls).toEqual([]);
    } finally {
      await stub.close();
    }
  });

  it("say why a JSON export cannot be imported before asking the server: missing, empty, not JSON", async () => {
    const env = { TRADEOFF_CONFIG_DIR: dir };
    await writeFile(join(dir, "empty.json"), "");
    await writeFile(join(dir, "broken.json"), '{ "format": ');
    const cases: [string, string][] = [
      ["missing.json", "cannot read the file (no such file)"],
      ["empty.json", "not valid JSON (the file is empty)"],
      ["broken.json", "not valid JSON (Unexpected end of JSON input)"],
    ];
    for (const [name, why] of cases) {
      const result = await runCli(["import", join(dir, name), "--team", "billing"], { env });
      expect(result.code, name).toBe(1);
      expect(result.stderr, name).toBe(`${join(dir, name)}: ${why}\n`);
    }
  });

  it("refuse a vote with nothing in it as usage (exit 2): it would wipe the previous one", async () => {
    const env = unreachableLogin();
    const result = await runCli(["vote", "billing/1", "--criterion", "performance"], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "tradeoff: Say what your vote on performance is: --importance, --score (one per option), --no-opinion or --rationale. It replaces your previous vote there, so nothing was sent.\n",
    );
  });

  it("refuse a mistyped TEAM/NUMBER as usage (exit 2), before asking the server", async () => {
    const env = unreachableLogin();
    for (const ref of ["billing/x", "billing/1/2", "billing 7"]) {
      const result = await runCli(["show", ref], { env });
      expect(result.code, ref).toBe(2);
      expect(result.stderr, ref).toBe(
        `tradeoff: "${ref}" names no project: use TEAM/NUMBER (billing/7), NUMBER with --team, or the project id.\n`,
      );
    }
  });

  it("refuse --dry-run on a JSON export as usage (exit 2), before importing anything", async () => {
    const exported = join(dir, "decision-export.json");
    await writeFile(exported, '{"format":"tradeoff.decision-record","version":1}');
    // A server that would be reached is named: the refusal must come before any call to it.
    const env = unreachableLogin();
    const result = await runCli(["import", exported, "--team", "billing", "--dry-run"], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--dry-run previews a folder of records");
    expect(result.stderr).toContain("Nothing was imported.");
    expect(result.stdout).toBe("");
  });

  it("show real defaults in help, never an empty object", { timeout: 60_000 }, async () => {
    const commands = ["vote", "template", "projects", "decide", "revise", "share"];
    const [main, ...helps] = await Promise.all([
      runCli(["--help"]),
      ...commands.map((command) => runCli([command, "--help"])),
    ]);
    helps.forEach((help, i) => {
      const command = commands[i] ?? "";
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).not.toContain("{}");
      if (command !== "template") expect(help.stdout, command).toContain("--json");
    });
    expect(helps[0]?.stdout).toMatch(/default: none, the option\s+stays unscored/);
    // An importance left out is none given, not the "no opinion" mark a ballot counts as done,
    // which is an option of its own.
    const importance = helps[0]?.stdout.match(/--importance <n>[\s\S]*?(?=\n\s+-s, --score)/)?.[0];
    expect(importance).toMatch(/default: none\s+given/);
    expect(importance).not.toMatch(/no\s+opinion/);
    expect(helps[0]?.stdout).toMatch(/--no-opinion\s+say you have no opinion on the criterion/);
    expect(helps[0]?.stdout).toMatch(/replaces your previous one/);
    expect(main?.stdout).toContain("5 refused by the server");
  });

  it("say which file cannot be read for --rationale @file, with exit code 1", async () => {
    const result = await runCli(
      ["decide", "billing/1", "--option", "drf", "--rationale", `@${join(dir, "missing.md")}`],
      {
        env: unreachableLogin(),
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `tradeoff: --rationale @${join(dir, "missing.md")}: there is no such file.\n`,
    );
  });

  it("refuse two options reading standard input (@-) as usage, before anything is sent", async () => {
    const result = await runCli(
      ["decide", "billing/1", "--option", "drf", "--rationale", "@-", "--consequences", "@-"],
      {
        stdin: "good: async views\n",
        env: unreachableLogin(),
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "tradeoff: Only one option can read standard input (@-); --rationale and --consequences both ask for it. Give the others as text or @file.\n",
    );
  });

  it("keep the login in TRADEOFF_CONFIG_DIR, else XDG_CONFIG_HOME/tradeoff, else ~/.config/tradeoff", () => {
    expect(configDir({ TRADEOFF_CONFIG_DIR: "/a", XDG_CONFIG_HOME: "/b" })).toBe("/a");
    expect(configDir({ XDG_CONFIG_HOME: "/b" })).toBe("/b/tradeoff");
    expect(configDir({ HOME: "/home/x" })).toMatch(/\.config\/tradeoff$/);
  });
});

describe("a token whose account belongs to no team yet", () => {
  it("says so and where to get one, rather than asking to pick among none", async () => {
    const stub = await stubServer(({ procedure }) =>
      procedure === "team.list"
        ? { data: [] }
        : { error: { message: "Team was not found.", code: "NOT_FOUND", httpStatus: 404 } },
    );
    try {
      const env = stub.env(await mkdtemp(join(tmpdir(), "tradeoff-noteam-")));
      for (const args of [
        ["vote", "1", "-c", "x", "-i", "3"],
        ["tag", "--list"],
      ]) {
        const result = await runCli(args, { env });
        expect(result.code, args.join(" ")).toBe(5);
        expect(result.stderr, args.join(" ")).toBe(
          "tradeoff: You belong to no team on this server yet. Create one in the web app, or ask a team admin for an invitation.\n",
        );
      }
      const listed = await runCli(["projects"], { env });
      expect(listed.code).toBe(0);
      expect(listed.stdout).toBe("No decision projects yet.\n");
    } finally {
      await stub.close();
    }
  });
});

describe("a server that fails on its side (500)", () => {
  it("is a server unable to serve now (exit 4, try again), not a refusal, in the server's words", async () => {
    const message =
      "Something went wrong on our side (request id r1). Try again in a moment; if it keeps failing, give the request id to whoever runs this server.";
    const stub = await stubServer(() => ({
      error: { message, code: "INTERNAL_SERVER_ERROR", httpStatus: 500 },
    }));
    try {
      const env = stub.env(await mkdtemp(join(tmpdir(), "tradeoff-500-")));
      const text = await runCli(["projects"], { env });
      expect(text.code).toBe(4);
      expect(text.stderr).toBe(`tradeoff: ${message}\n`);
      const json = await runCli(["projects", "--json"], { env });
      expect(JSON.parse(json.stderr)).toEqual({ error: { message, exitCode: 4 } });
    } finally {
      await stub.close();
    }
  });
});
