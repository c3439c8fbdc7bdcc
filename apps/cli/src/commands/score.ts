import { aggregate, METHODS, type Method } from "@tradeoff/scoring";
import { type Command, InvalidArgumentError, Option } from "commander";
import { FORMATS, type Format, formatRecommendation } from "../format/recommendation";
import type { Io } from "../io";
import { readDecision } from "../read-decision";

type ScoreOptions = { method: Method; format: Format; json?: boolean; seed?: number };

const parseSeed = (value: string): number => {
  if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError("the seed must be a whole number.");
  return Number.parseInt(value, 10);
};

/** `tradeoff score FILE`: the recommendation for a decision file, computed offline. */
export function registerScore(program: Command, io: Io): void {
  program
    .command("score")
    .summary("score a decision file offline")
    .description(
      "Read a decision (options, criteria, votes) from a JSON file and print the team's\n" +
        "recommendation: totals, winner, margin, confidence, each criterion's contribution\n" +
        "and the importance at which the winner would change.",
    )
    .argument("<file>", "decision JSON file, or - to read standard input")
    .addOption(
      new Option("-m, --method <method>", "how votes are combined")
        .choices(METHODS)
        .default("weighted-mean"),
    )
    .addOption(
      new Option("-f, --format <format>", "output format").choices(FORMATS).default("table"),
    )
    .addOption(new Option("--json", "the same as --format json").conflicts("format"))
    .option("-s, --seed <n>", "seed of the confidence resampling (default: fixed)", parseSeed)
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  tradeoff template drf-vs-fastapi > decision.json   # then add votes\n" +
        "  tradeoff score decision.json\n" +
        "  tradeoff score decision.json --method median --format markdown\n" +
        "  cat decision.json | tradeoff score - --format json\n\n" +
        "Exit codes: 0 ok, 1 bad input (each problem printed with its path), 2 usage.",
    )
    .action(async (file: string, options: ScoreOptions) => {
      const decision = await readDecision(file, io);
      const recommendation = aggregate(decision, { method: options.method, seed: options.seed });
      io.stdout(
        formatRecommendation(
          recommendation,
          decision,
          options.json ? "json" : options.format,
          io.columns(),
        ),
      );
    });
}
