import { describe, expect, it } from "vitest";
import { createProjectSchema, updateProjectSchema } from "../src/schemas/project";

const criterion = (key: string, name: string) => ({ key, name, defaultWeight: 3 });
const project = (options: string[], criteria: string[]) => ({
  teamId: "cmteam0000000000000000000",
  title: "Which queue for background jobs?",
  options: options.map((name, i) => ({ key: `o${i}`, name })),
  criteria: criteria.map((name, i) => criterion(`c${i}`, name)),
});

/** Each problem's field and words. */
const problems = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("a decision's option and criterion names", () => {
  it("may not repeat, ignoring case and spaces, and the message names the duplicate", () => {
    const result = createProjectSchema.safeParse(
      project(["Kafka", "RabbitMQ", " kafka "], ["Throughput", "Operations", "THROUGHPUT"]),
    );
    expect(problems(result)).toEqual([
      "options.2.name: Another option is already called “kafka”: give each its own name.",
      "criteria.2.name: Another criterion is already called “THROUGHPUT”: give each its own name.",
    ]);
  });

  it("are checked when a draft's options change too", () => {
    const result = updateProjectSchema.safeParse({
      projectId: "cmproj0000000000000000000",
      options: [
        { key: "kafka", name: "Kafka" },
        { key: "kafka-2", name: "Kafka" },
      ],
    });
    expect(problems(result)).toEqual([
      "options.1.name: Another option is already called “Kafka”: give each its own name.",
    ]);
  });

  it("pass when each is its own", () => {
    expect(
      createProjectSchema.safeParse(project(["Kafka", "RabbitMQ"], ["Throughput"])).success,
    ).toBe(true);
  });
});
