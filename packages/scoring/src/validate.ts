import { MatrixBuilder, type VoteMatrix } from "./matrix";
import type { DecisionInput } from "./types";

export const LIMITS = {
  minOptions: 2,
  maxOptions: 6,
  minCriteria: 1,
  maxCriteria: 30,
  minWeight: 0,
  maxWeight: 5,
  minScore: 1,
  maxScore: 5,
} as const;

export type DecisionInputIssue = {
  /** Where the problem is, e.g. `votes[3].scores.drf`; `input` for the whole value. */
  path: string;
  message: string;
};

/** Thrown when a decision cannot be scored; lists every problem, not just the first. */
export class DecisionInputError extends Error {
  override readonly name = "DecisionInputError";
  readonly issues: DecisionInputIssue[];

  constructor(issues: DecisionInputIssue[]) {
    super(
      `Invalid decision input (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n` +
        issues.map((issue) => `${issue.path}: ${issue.message}`).join("\n"),
    );
    this.issues = issues;
  }
}

type Obj = Record<string, unknown>;

const isObject = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x);

const describe = (x: unknown): string =>
  x === null ? "null" : Array.isArray(x) ? "an array" : typeof x;

const isNumberIn = (x: unknown, min: number, max: number): x is number =>
  typeof x === "number" && Number.isFinite(x) && x >= min && x <= max;

const isKey = (x: unknown): x is string =>
  typeof x === "string" && x.length > 0 && (x.charCodeAt(0) > 32 || x.trim().length > 0);

/**
 * Checks that `x` is a decision that can be scored and returns it typed.
 * Extra fields (descriptions, guidance) are allowed and kept.
 * @throws DecisionInputError listing every problem with its path.
 */
export function validateDecisionInput(x: unknown): DecisionInput {
  return checkDecision(x).decision;
}

/** `validateDecisionInput`, also returning the votes laid out for scoring (one pass over them). */
export function checkDecision(x: unknown): { decision: DecisionInput; matrix: VoteMatrix } {
  const issues: DecisionInputIssue[] = [];
  const problem = (path: string, message: string) => issues.push({ path, message });

  if (!isObject(x)) {
    problem("input", `must be an object with options, criteria and votes, got ${describe(x)}`);
    throw new DecisionInputError(issues);
  }

  const optionKeys = checkKeyedList(x.options, "options", "option", problem, {
    min: LIMITS.minOptions,
    max: LIMITS.maxOptions,
  });
  const criterionKeys = checkKeyedList(x.criteria, "criteria", "criterion", problem, {
    min: LIMITS.minCriteria,
    max: LIMITS.maxCriteria,
    checkItem: (item, path) => {
      if (!isNumberIn(item.defaultWeight, LIMITS.minWeight, LIMITS.maxWeight)) {
        problem(
          `${path}.defaultWeight`,
          `must be a number from 0 to 5, got ${show(item.defaultWeight)}`,
        );
      }
    },
  });

  let members: Set<string> | null = null;
  if (x.members !== undefined) {
    if (!Array.isArray(x.members)) {
      problem("members", `must be an array of voter ids, got ${describe(x.members)}`);
    } else {
      members = new Set();
      x.members.forEach((member, i) => {
        if (!isKey(member)) problem(`members[${i}]`, "must be a non-empty string");
        else if (members?.has(member)) problem(`members[${i}]`, `duplicate member "${member}"`);
        else members?.add(member);
      });
    }
  }

  if (x.quorum !== undefined) {
    const q = x.quorum;
    if (typeof q !== "number" || !Number.isInteger(q) || q < 0) {
      problem("quorum", `must be a whole number of members, 0 or more, got ${show(q)}`);
    } else if (members && q > members.size) {
      problem("quorum", `is ${q} but there are only ${members.size} members`);
    }
  }

  if (!Array.isArray(x.votes)) {
    problem("votes", `must be an array (it may be empty), got ${describe(x.votes)}`);
  }
  const builder =
    optionKeys && criterionKeys
      ? new MatrixBuilder(
          optionKeys.size,
          criterionKeys.size,
          expectedVoters(x.votes, criterionKeys.size),
        )
      : null;
  if (Array.isArray(x.votes)) {
    checkVotes(x.votes, { optionKeys, criterionKeys, members }, builder, problem);
  }

  if (issues.length > 0 || !builder) throw new DecisionInputError(issues);
  const decision = x as DecisionInput;
  return { decision, matrix: builder.build(decision) };
}

/** Everyone votes on every criterion in most decisions: a good first guess of the voter count. */
const expectedVoters = (votes: unknown, criteria: number) =>
  Array.isArray(votes) && criteria > 0 ? Math.ceil(votes.length / criteria) : 0;

const votePath = (i: number) => `votes[${i}]`;

/**
 * Checks each vote and, while options and criteria are valid, lays it out in the matrix.
 * Paths are only built for problems, as decisions can hold many votes.
 */
function checkVotes(
  votes: unknown[],
  known: {
    optionKeys: Set<string> | null;
    criterionKeys: Set<string> | null;
    members: Set<string> | null;
  },
  builder: MatrixBuilder | null,
  problem: (path: string, message: string) => void,
): void {
  const criterionIndex = new Map([...(known.criterionKeys ?? [])].map((key, i) => [key, i]));
  const optionKeys = [...(known.optionKeys ?? [])];
  for (let i = 0; i < votes.length; i++) {
    const vote = votes[i];
    if (!isObject(vote)) {
      problem(votePath(i), `must be an object, got ${describe(vote)}`);
      continue;
    }
    const { voterId, criterionKey, weight, scores, noOpinion } = vote;
    const validVoter = isKey(voterId);
    if (!validVoter) problem(`${votePath(i)}.voterId`, "must be a non-empty string");
    else if (known.members && !known.members.has(voterId)) {
      problem(`${votePath(i)}.voterId`, `"${voterId}" is not one of the members`);
    }
    const c = isKey(criterionKey) ? criterionIndex.get(criterionKey) : undefined;
    if (!isKey(criterionKey)) problem(`${votePath(i)}.criterionKey`, "must be a non-empty string");
    else if (known.criterionKeys && c === undefined) {
      problem(`${votePath(i)}.criterionKey`, `unknown criterion "${criterionKey}"`);
    }
    const row = builder && validVoter && c !== undefined ? builder.row(voterId) : -1;
    if (row >= 0 && c !== undefined && !builder?.markVoted(row, c)) {
      problem(
        votePath(i),
        `second vote of "${voterId}" on "${criterionKey}" (one vote per criterion)`,
      );
    }
    if (noOpinion !== undefined && typeof noOpinion !== "boolean") {
      problem(`${votePath(i)}.noOpinion`, `must be true or false, got ${show(noOpinion)}`);
    } else if (noOpinion === true) {
      const scored = isObject(scores) && Object.values(scores).some((score) => score !== null);
      if (weight !== null || scored) {
        problem(
          `${votePath(i)}.noOpinion`,
          "a no-opinion mark carries no importance and no scores: send weight null and no scores",
        );
      }
      if (row >= 0 && c !== undefined) builder?.setAbstained(row, c);
      continue;
    }
    if (weight !== null) {
      if (!isNumberIn(weight, LIMITS.minWeight, LIMITS.maxWeight)) {
        problem(
          `${votePath(i)}.weight`,
          `must be null or a number from 0 to 5, got ${show(weight)}`,
        );
      } else if (row >= 0 && c !== undefined) builder?.setWeight(row, c, weight);
    }
    if (!isObject(scores)) {
      problem(
        `${votePath(i)}.scores`,
        `must be an object of option key to score, got ${describe(scores)}`,
      );
      continue;
    }
    for (const optionKey in scores) {
      const score = scores[optionKey];
      const o = optionKeys.indexOf(optionKey);
      if (known.optionKeys && o < 0) {
        problem(`${votePath(i)}.scores.${optionKey}`, `unknown option "${optionKey}"`);
      } else if (score !== null) {
        if (!isNumberIn(score, LIMITS.minScore, LIMITS.maxScore)) {
          problem(
            `${votePath(i)}.scores.${optionKey}`,
            `must be null or a number from 1 to 5, got ${show(score)}`,
          );
        } else if (row >= 0 && c !== undefined) builder?.setScore(row, c, o, score);
      }
    }
  }
}

function checkKeyedList(
  list: unknown,
  path: string,
  noun: string,
  problem: (path: string, message: string) => void,
  rules: { min: number; max: number; checkItem?: (item: Obj, path: string) => void },
): Set<string> | null {
  if (!Array.isArray(list)) {
    problem(path, `must be an array of ${rules.min} to ${rules.max} items, got ${describe(list)}`);
    return null;
  }
  if (list.length < rules.min || list.length > rules.max) {
    problem(path, `must have ${rules.min} to ${rules.max} items, got ${list.length}`);
  }
  const keys = new Set<string>();
  list.forEach((item, i) => {
    const itemPath = `${path}[${i}]`;
    if (!isObject(item)) {
      problem(itemPath, `must be an object with a key, got ${describe(item)}`);
      return;
    }
    if (!isKey(item.key)) problem(`${itemPath}.key`, "must be a non-empty string");
    else if (keys.has(item.key)) problem(`${itemPath}.key`, `duplicate ${noun} key "${item.key}"`);
    else keys.add(item.key);
    if (item.name !== undefined && typeof item.name !== "string") {
      problem(`${itemPath}.name`, `must be a string, got ${describe(item.name)}`);
    }
    rules.checkItem?.(item, itemPath);
  });
  return keys;
}

function show(x: unknown): string {
  if (x === undefined) return "nothing";
  if (typeof x === "string") return JSON.stringify(x);
  if (typeof x === "number" || typeof x === "boolean" || x === null) return String(x);
  return describe(x);
}
