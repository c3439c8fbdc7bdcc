import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliRoot, runCli } from "./run-cli";
import { BILLING_TEAM, oneRecordAnswer, recordView, stubServer } from "./stub-server";

/**
 * A title a teammate typed with terminal control sequences: ESC ] 0 ; ... BEL retitles the
 * window, ESC [ 2 J clears the screen. Printed as is, the reader's terminal would obey them.
 */
const title = "Queue\u001b]0;owned\u0007\u001b[2J";
const shown = "Queue\ufffd]0;owned\ufffd\ufffd[2J";
const project = { id: "cm1", number: 1, title, status: "DECIDED" };
const view = recordView(project, {
  options: [
    { key: "kafka", name: "Kafka\u001b[8m" },
    { key: "nats", name: "NATS" },
  ],
  criteria: [{ key: "ops", name: "Ops\u009b31m", defaultWeight: 3 }],
});

describe("text from the server", () => {
  it("reaches the terminal without its control characters; --json keeps it as sent", async () => {
    const stub = await stubServer(oneRecordAnswer(project, view));
    try {
      const env = stub.env(await mkdtemp(join(tmpdir(), "tradeoff-terminal-")));
      const listed = await runCli(["projects"], { env });
      expect(listed.stdout).toBe(`PROJECT    STATUS   TITLE\nbilling/1  decided  ${shown}\n`);
      const show = await runCli(["show", "billing/1"], { env });
      expect(show.stderr).toBe("");
      expect(show.stdout.split("\n")[0]).toBe(`billing/1 ${shown} (decided: Kafka\ufffd[8m)`);
      expect(show.stdout).toContain("Ops\ufffd31m");
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters looked for
      expect(show.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      const json = await runCli(["projects", "--json"], { env });
      expect((JSON.parse(json.stdout) as { title: string }[])[0]?.title).toBe(title);
    } finally {
      await stub.close();
    }
  });
});

describe("an error message that quotes the server's or a file's text", () => {
  it("reaches the terminal's stderr shown, not obeyed; --json keeps it as sent", async () => {
    const message = `Option "Kafka\u001b[8m" is not in ${title}.`;
    const stub = await stubServer(({ procedure }) =>
      procedure === "team.list"
        ? { data: [BILLING_TEAM] }
        : { error: { message, code: "CONFLICT", httpStatus: 409 } },
    );
    try {
      const env = stub.env(await mkdtemp(join(tmpdir(), "tradeoff-terminal-")));
      const failed = await runCli(["vote", "cm1", "-c", "ops", "-i", "3"], { env });
      expect(failed.code).toBe(5);
      expect(failed.stderr).toBe(`tradeoff: Option "Kafka\ufffd[8m" is not in ${shown}.\n`);
      const json = await runCli(["vote", "cm1", "-c", "ops", "-i", "3", "--json"], { env });
      expect(JSON.parse(json.stderr)).toEqual({ error: { message, exitCode: 5 } });
    } finally {
      await stub.close();
    }
  });

  it("names a decision file's bad content without its control characters", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tradeoff-terminal-"));
    const file = join(dir, "decision.json");
    await writeFile(
      file,
      JSON.stringify({
        options: [{ key: "a" }, { key: "b" }],
        criteria: [{ key: "c", defaultWeight: 3 }],
        votes: [{ voterId: "x", criterionKey: title, weight: 3, scores: { a: 1, b: 2 } }],
      }),
    );
    const result = await runCli(["score", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(shown);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters looked for
    expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});

describe("a record printed by `tradeoff export` without --out", () => {
  const content = `# 1. ${title}\n\nChosen option: Kafka.\n`;

  it("reaches a terminal shown, not obeyed; a pipe or a file gets it byte for byte", async () => {
    const stub = await stubServer(() => ({ data: { fileName: "0001-queue.md", content } }));
    try {
      const env = stub.env(await mkdtemp(join(tmpdir(), "tradeoff-terminal-")));
      const args = ["export", "cm1", "--format", "madr"];
      const piped = await runCli(args, { env });
      expect(piped.stdout).toBe(content);
      // `script` gives the CLI a terminal for its standard output, as a person's shell does.
      const command = [process.execPath, join(cliRoot, "bin", "tradeoff.js"), ...args]
        .map((word) => `'${word}'`)
        .join(" ");
      const onTerminal = await new Promise<string>((done, fail) =>
        execFile(
          "script",
          ["-qec", command, "/dev/null"],
          { env: { ...process.env, ...env } },
          (error, stdout) => (error ? fail(error) : done(stdout)),
        ),
      );
      expect(onTerminal.replaceAll("\r\n", "\n")).toBe(`# 1. ${shown}\n\nChosen option: Kafka.\n`);
    } finally {
      await stub.close();
    }
  });
});
