import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { type Command, Option } from "commander";
import type { Io } from "../io";
import { call, createClient } from "../server/client";
import { loadConfig } from "../server/config";
import { resolveProject } from "../server/resolve";

const FORMATS = ["madr", "log4brains", "nygard", "json", "csv", "pdf"] as const;
type ExportOptions = {
  format: (typeof FORMATS)[number];
  out?: string;
  team?: string;
  paper: "a4" | "letter";
  table: "votes" | "events";
};

/** `tradeoff export PROJECT --format F [--out DIR]`: the decision record as a file. */
export function registerExport(program: Command, io: Io): void {
  program
    .command("export")
    .summary("export a decision record (MADR, log4brains, Nygard, JSON, CSV, PDF)")
    .description(
      "Export a project's decision record. With --out, write NNNN-title.ext into DIR (created\n" +
        "if missing), e.g. docs/decisions of your repository; without it, print text formats.",
    )
    .argument("<project>", "TEAM/NUMBER (billing/7), NUMBER with --team, or the project id")
    .addOption(new Option("-f, --format <format>", "file format").choices(FORMATS).default("madr"))
    .option("-o, --out <dir>", "directory to write the file into")
    .option("-t, --team <slug>", "the team, when PROJECT is a number")
    .addOption(
      new Option("--paper <size>", "PDF paper size").choices(["a4", "letter"]).default("a4"),
    )
    .addOption(
      new Option("--table <table>", "CSV: the votes or the event history")
        .choices(["votes", "events"])
        .default("votes"),
    )
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  tradeoff export billing/1 --format madr --out docs/decisions\n" +
        "  tradeoff export billing/1 --format pdf --paper letter --out .\n" +
        "  tradeoff export billing/1 --format json > decision.json",
    )
    .action(async (ref: string, options: ExportOptions) => {
      const config = await loadConfig();
      const client = createClient(config);
      const { projectId } = await resolveProject(client, config, ref, options.team);
      const file = await call(config, () =>
        client.export.file.query({
          projectId,
          format: options.format,
          paper: options.paper,
          table: options.table,
        }),
      );
      const body = file.encoding === "base64" ? Buffer.from(file.content, "base64") : file.content;
      const dir = options.out ?? (file.encoding === "base64" ? "." : null);
      if (dir === null) {
        io.stdout(file.content);
        return;
      }
      await mkdir(resolve(dir), { recursive: true });
      // The server slugs the name; keep only its last part all the same.
      const target = join(dir, file.fileName.replace(/^.*[\\/]/, ""));
      await writeFile(target, body);
      io.stdout(`Wrote ${target}\n`);
    });
}
