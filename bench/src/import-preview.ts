/**
 * `npm run bench:import -w @tradeoff/bench`: what reading a docs/decisions folder costs per file,
 * the part of an import preview that grows with the folder (the database work of a preview is a
 * few queries per import, not per file). Reads a folder of records written as each tool writes
 * them (MADR as Tradeoff exports it, adr-tools, log4brains), a few kilobytes each, many times
 * over, and prints the median CPU milliseconds per file of several rounds, by format. Machines are
 * shared: compare formats (or a change, run before and after) within one quiet moment.
 */
import { readRecordFile } from "@tradeoff/api/read-record-file";

const ROUNDS = 9;
const FILES_PER_ROUND = 300;

const paragraph = (topic: string) =>
  `The ${topic} has to serve the billing service, the reporting jobs and the public API. Each of them has its own load profile: billing writes in bursts at the end of the month, reporting reads large ranges at night, and the API answers small reads all day. See [the capacity notes](https://example.com/capacity) for the numbers.`;

const options = ["PostgreSQL", "MySQL", "CockroachDB", "DynamoDB"];

function madr(n: number, status: string): string {
  return `---
status: ${status}
date: 2024-05-${String((n % 28) + 1).padStart(2, "0")}
decision-makers:
  - Alice Example
  - Bob Example
consulted:
  - Carol Example
tags:
  - storage
  - billing
---

# Use ${options[n % options.length]} for storage ${n}

## Context and Problem Statement

${paragraph("database")}

${paragraph("storage layer")}

## Decision Drivers

* Operations: who runs it at night
* Cost at the expected volume
* What the team knows

## Considered Options

${options.map((o) => `* ${o}`).join("\n")}

## Decision Outcome

Chosen option: "${options[n % options.length]}", because it fits the load profile and the team runs it already.

### Consequences

* Good, because backups and failover are solved by the hosting provider.
* Good, because the reporting jobs can read a replica.
* Bad, because the schema changes need a migration tool.

| Criterion | Share of counted weight | PostgreSQL | MySQL |
| --- | ---: | ---: | ---: |
| Operations | 40% | 4.0 | 3.5 |
| Cost | 35% | 3.0 | 3.5 |
| Skills | 25% | 4.5 | 3.0 |

## More Information

Supersedes [${n - 1}. Use ${options[(n + 1) % options.length]} for storage](${String(n - 1).padStart(4, "0")}-use-x.md)
`;
}

function nygard(n: number): string {
  return `# ${n}. Use ${options[n % options.length]} for storage ${n}

Date: 2024-03-${String((n % 28) + 1).padStart(2, "0")}

## Status

Accepted

Supersedes [${n - 1}. Use MySQL](${String(n - 1).padStart(4, "0")}-use-mysql.md)

## Context

${paragraph("database")}

${paragraph("storage layer")}

## Decision

We will use ${options[n % options.length]}, because it fits the load profile.

## Consequences

Backups are done by the hosting provider. Schema changes need a migration tool.
`;
}

function log4brains(n: number): string {
  return `# Use ${options[n % options.length]} for storage ${n}

- Status: accepted
- Date: 2021-01-${String((n % 28) + 1).padStart(2, "0")}
- Deciders: Alice Example, Bob Example
- Tags: storage, billing

## Context and Problem Statement

${paragraph("database")}

${paragraph("storage layer")}

## Considered Options

${options.map((o) => `- ${o}`).join("\n")}

## Decision Outcome

Chosen option: "${options[n % options.length]}", because it fits the load profile.
`;
}

type Folder = { name: string; files: { fileName: string; text: string }[] };

const folders: Folder[] = [
  {
    name: "MADR (Tradeoff's export)",
    files: Array.from({ length: FILES_PER_ROUND }, (_, i) => ({
      fileName: `${String(i + 2).padStart(4, "0")}-use-x.md`,
      text: madr(i + 2, i % 5 === 0 ? "superseded by [Use X](0009-use-x.md)" : "accepted"),
    })),
  },
  {
    name: "adr-tools",
    files: Array.from({ length: FILES_PER_ROUND }, (_, i) => ({
      fileName: `${String(i + 2).padStart(4, "0")}-use-x.md`,
      text: nygard(i + 2),
    })),
  },
  {
    name: "log4brains",
    files: Array.from({ length: FILES_PER_ROUND }, (_, i) => ({
      fileName: `202101${String((i % 28) + 1).padStart(2, "0")}-use-x-${i}.md`,
      text: log4brains(i + 2),
    })),
  },
];

/**
 * Median CPU milliseconds per file over ROUNDS rounds, after one round to warm up: this process's
 * CPU time, which other work on a shared machine moves far less than the clock.
 */
function msPerFile(folder: Folder, read: (fileName: string, text: string) => unknown): number {
  const rounds: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const before = process.cpuUsage();
    for (const file of folder.files) read(file.fileName, file.text);
    const used = process.cpuUsage(before);
    if (round > 0) rounds.push((used.user + used.system) / 1000 / folder.files.length);
  }
  rounds.sort((a, b) => a - b);
  return rounds[Math.floor(rounds.length / 2)] as number;
}

for (const folder of folders) {
  const failed = folder.files.filter((f) => "reason" in readRecordFile(f.fileName, f.text));
  if (failed.length) throw new Error(`${folder.name}: ${failed.length} files did not read`);
}
const bytes = (folder: Folder) =>
  Math.round(folder.files.reduce((sum, f) => sum + f.text.length, 0) / folder.files.length);
console.log(
  `Reading a records folder, median of ${ROUNDS} rounds of ${FILES_PER_ROUND} files, CPU ms per file:`,
);
console.log("format                     bytes per file   ms per file");
for (const folder of folders) {
  const read = msPerFile(folder, readRecordFile);
  console.log(
    `${folder.name.padEnd(26)} ${String(bytes(folder)).padStart(14)}   ${read.toFixed(3).padStart(11)}`,
  );
}
