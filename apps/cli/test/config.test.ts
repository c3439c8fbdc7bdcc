import { mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli";
import { stubServer } from "./stub-server";

describe("the saved login", () => {
  it("is never sent to another server named by TRADEOFF_URL (exit 3, nothing sent)", async () => {
    const saved = await stubServer(() => ({ data: [] }));
    const other = await stubServer(() => ({ data: [] }));
    try {
      const config = await mkdtemp(join(tmpdir(), "tradeoff-config-"));
      await writeFile(
        join(config, "config.json"),
        JSON.stringify({ url: saved.url, token: "tro_saved" }),
      );
      const elsewhere = await runCli(["projects"], {
        env: { TRADEOFF_CONFIG_DIR: config, TRADEOFF_URL: other.url },
      });
      expect(elsewhere.code).toBe(3);
      expect(elsewhere.stderr).toBe(
        `tradeoff: TRADEOFF_URL names ${other.url}, but the saved login is for ${saved.url}: its token is not sent elsewhere. Set TRADEOFF_TOKEN too, or run \`tradeoff login --url ${other.url}\`.\n`,
      );
      expect(other.calls).toEqual([]);

      // The same server (a trailing slash aside), or a token given with it, is used as asked.
      const same = await runCli(["projects"], {
        env: { TRADEOFF_CONFIG_DIR: config, TRADEOFF_URL: `${saved.url}/` },
      });
      expect(same.stderr).toBe("");
      expect(saved.calls.map((c) => c.procedure)).toEqual(["team.list"]);
      const given = await runCli(["projects"], {
        env: { TRADEOFF_CONFIG_DIR: config, TRADEOFF_URL: other.url, TRADEOFF_TOKEN: "tro_ci" },
      });
      expect(given.stderr).toBe("");
      expect(other.calls.map((c) => c.procedure)).toEqual(["team.list"]);
    } finally {
      await saved.close();
      await other.close();
    }
  });
});

describe("TRADEOFF_URL", () => {
  it("that is not a web address is a usage error (2) saying what to write, as for login", async () => {
    const config = await mkdtemp(join(tmpdir(), "tradeoff-config-"));
    for (const url of ["localhost:3000", "ftp://files.example.com", "tradeoff.example.com"]) {
      const result = await runCli(["projects"], {
        env: { TRADEOFF_CONFIG_DIR: config, TRADEOFF_URL: url, TRADEOFF_TOKEN: "tro_ci" },
      });
      expect(result.stderr).toBe(
        `tradeoff: TRADEOFF_URL "${url}" is not a web address; use e.g. https://tradeoff.example.com or http://localhost:3000.\n`,
      );
      expect(result.code).toBe(2);
    }
  });
});

describe("a saved login that cannot be read", () => {
  it("is said with where it is and why, not as never signed in (exit 3)", async () => {
    const config = await mkdtemp(join(tmpdir(), "tradeoff-config-"));
    await writeFile(join(config, "config.json"), '{"url": "https://tradeoff.example.com", "tok');
    const result = await runCli(["projects"], { env: { TRADEOFF_CONFIG_DIR: config } });
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      `tradeoff: The saved login in ${join(config, "config.json")} cannot be read (it is not valid JSON). Run \`tradeoff login --url https://your-server\` to save it again.\n`,
    );
  });
});

describe("saving a login", () => {
  it("keeps the previous login whole when the new one cannot be written (a full disk)", async () => {
    const server = await stubServer(({ procedure }) =>
      procedure === "account.get"
        ? { data: { name: "Ann", email: "ann@example.com" } }
        : { data: [] },
    );
    try {
      const config = await mkdtemp(join(tmpdir(), "tradeoff-config-"));
      const previous = `${JSON.stringify({ url: "https://tradeoff.example.com", token: "tro_old" }, null, 2)}\n`;
      await writeFile(join(config, "config.json"), previous, { mode: 0o600 });
      // A file size limit of 0 blocks: not one byte can be written, as on a full disk.
      const result = await runCli(["login", "--url", server.url, "--token", "tro_new"], {
        env: { TRADEOFF_CONFIG_DIR: config },
        maxFileKb: 0,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `Cannot save the login in ${config} (the file size limit is reached).`,
      );
      expect(await readFile(join(config, "config.json"), "utf8")).toBe(previous);
      expect(await readdir(config)).toEqual(["config.json"]);
      // Written, it is the owner's alone from the start.
      const saved = await runCli(["login", "--url", server.url, "--token", "tro_new"], {
        env: { TRADEOFF_CONFIG_DIR: config },
      });
      expect(saved.stderr).toBe("");
      expect((await stat(join(config, "config.json"))).mode & 0o777).toBe(0o600);
    } finally {
      await server.close();
    }
  });
});

describe("logging in", () => {
  /** A server as Tradeoff answers: a read-only token may only GET (403 before any procedure). */
  const server = (scope: "READ" | "READ_WRITE") =>
    stubServer(({ procedure, method }) => {
      if (method === "POST" && scope === "READ")
        return {
          error: {
            message:
              "This access token can only read. Create a read-write token to vote or change things.",
            code: "FORBIDDEN",
            httpStatus: 403,
          },
        };
      // tRPC answers a query sent as POST "method not supported", without running it.
      if (method === "POST")
        return {
          error: { message: "Unsupported POST", code: "METHOD_NOT_SUPPORTED", httpStatus: 405 },
        };
      return procedure === "account.get"
        ? { data: { name: "Ann", email: "ann@example.com" } }
        : { data: [{ id: "cmteam", slug: "billing", name: "Billing" }] };
    });

  it("says a read-only token is read-only, so a refused vote later is no surprise", async () => {
    for (const scope of ["READ", "READ_WRITE"] as const) {
      const stub = await server(scope);
      try {
        const config = await mkdtemp(join(tmpdir(), "tradeoff-config-"));
        const result = await runCli(["login", "--url", stub.url, "--token", "tro_x"], {
          env: { TRADEOFF_CONFIG_DIR: config },
        });
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        const readOnly =
          "This token is read-only: projects, show and export work; vote, open, close, decide and the other changes are refused. For those, create a read-write token under Account > Access tokens and log in with it.\n";
        expect(result.stdout).toBe(
          `Signed in to ${stub.url} as Ann; teams: billing.\n${scope === "READ" ? readOnly : ""}Saved to ${join(config, "config.json")}.\n`,
        );
        // Telling the two apart ran nothing: only queries, and the POST to a query tRPC refuses.
        expect(stub.calls.filter((c) => c.method === "POST").map((c) => c.procedure)).toEqual([
          "account.get",
        ]);
      } finally {
        await stub.close();
      }
    }
  });
});

describe("a login given by TRADEOFF_URL and TRADEOFF_TOKEN (CI)", () => {
  it("half of it says which variable is missing; a refused TRADEOFF_TOKEN says to replace that variable (exit 3)", async () => {
    const config = await mkdtemp(join(tmpdir(), "tradeoff-config-"));
    const urlOnly = await runCli(["projects"], {
      env: { TRADEOFF_CONFIG_DIR: config, TRADEOFF_URL: "https://tradeoff.example.com" },
    });
    expect(urlOnly.code).toBe(3);
    expect(urlOnly.stderr).toBe(
      "tradeoff: TRADEOFF_URL is set, but TRADEOFF_TOKEN is not: set it to an access token for https://tradeoff.example.com (Account > Access tokens), or run `tradeoff login --url https://tradeoff.example.com`.\n",
    );
    const tokenOnly = await runCli(["projects"], {
      env: { TRADEOFF_CONFIG_DIR: config, TRADEOFF_TOKEN: "tro_ci" },
    });
    expect(tokenOnly.code).toBe(3);
    expect(tokenOnly.stderr).toBe(
      "tradeoff: TRADEOFF_TOKEN is set, but TRADEOFF_URL is not: set it to the server's address (e.g. https://tradeoff.example.com), or run `tradeoff login --url https://your-server`.\n",
    );

    const revoked = await stubServer(() => ({
      error: { message: "This token was revoked.", code: "UNAUTHORIZED", httpStatus: 401 },
    }));
    try {
      const fromEnv = await runCli(["projects"], {
        env: { TRADEOFF_CONFIG_DIR: config, TRADEOFF_URL: revoked.url, TRADEOFF_TOKEN: "tro_ci" },
      });
      expect(fromEnv.code).toBe(3);
      expect(fromEnv.stderr).toBe(
        "tradeoff: This token was revoked. It is TRADEOFF_TOKEN's, which is used instead of any saved login: set TRADEOFF_TOKEN to a new token, or unset it to use `tradeoff login`'s.\n",
      );
      // A saved login's token: log in again.
      await writeFile(
        join(config, "config.json"),
        JSON.stringify({ url: revoked.url, token: "tro_saved" }),
      );
      const saved = await runCli(["projects"], { env: { TRADEOFF_CONFIG_DIR: config } });
      expect(saved.stderr).toBe(
        `tradeoff: This token was revoked. Run \`tradeoff login --url ${revoked.url}\` with a new token.\n`,
      );
    } finally {
      await revoked.close();
    }
  });
});
