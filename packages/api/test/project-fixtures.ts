import { addMember, createTeam, createUser } from "@tradeoff/db/testing";
import { drfVsFastapi, templateToProjectInput } from "@tradeoff/templates";
import { extractText, getDocumentProxy } from "unpdf";
import type { useTestDatabase } from "./helpers";

type T = ReturnType<typeof useTestDatabase>;
type Role = "OWNER" | "ADMIN" | "MEMBER" | "VIEWER";

/** A team with an owner plus members of the given roles, each with a caller. */
export async function teamWith(t: T, roles: Role[] = []) {
  const owner = await createUser(t.db, { name: "Olivia Owner" });
  const team = await createTeam(t.db, { ownerId: owner.id });
  const people = [{ user: owner, role: "OWNER" as Role }];
  for (const [i, role] of roles.entries()) {
    const user = await createUser(t.db, { name: `${role.toLowerCase()} ${i + 1}` });
    await addMember(t.db, team.id, user.id, role);
    people.push({ user, role });
  }
  return {
    team,
    owner: { ...owner, api: t.callerAs(owner) },
    people: people.map((p) => ({ ...p.user, role: p.role, api: t.callerAs(p.user) })),
  };
}

/** A team of its owner and one member, with the member's email address (every user has one). */
export async function ownerAndMember(t: T) {
  const { team, owner, people } = await teamWith(t, ["MEMBER"]);
  const member = at(people, 1);
  if (!member.email) throw new Error("fixture: the member has no email address");
  return { team, owner, member: { ...member, email: member.email } };
}

/** A team named `teamName` of Olive Owner and one more person, `other`, with its role. */
export async function ownerAnd(t: T, other: { name: string; role: Role }, teamName: string) {
  const owner = await createUser(t.db, { name: "Olive Owner" });
  const person = await createUser(t.db, { name: other.name });
  const team = await createTeam(t.db, { ownerId: owner.id, name: teamName });
  await addMember(t.db, team.id, person.id, other.role);
  return { owner, other: person, team };
}

/** The built-in DRF vs FastAPI template as a create input. */
export function drfInput(teamId: string, overrides: Record<string, unknown> = {}) {
  return { teamId, ...templateToProjectInput(drfVsFastapi), ...overrides };
}

/** A small blank decision: two options, two criteria (one a must-have). */
export function blankInput(teamId: string, overrides: Record<string, unknown> = {}) {
  return {
    teamId,
    title: "Which queue for billing events?",
    context: "We need a queue.",
    options: [
      { key: "kafka", name: "Kafka", description: "Log-based" },
      { key: "sqs", name: "SQS", description: "Managed" },
    ],
    criteria: [
      {
        key: "ops",
        name: "Operational cost",
        description: "Who runs it",
        defaultWeight: 3,
        anchorLow: "We page someone weekly",
        anchorHigh: "Nobody notices it",
      },
      { key: "ordering", name: "Ordering", defaultWeight: 3, mustHave: true },
    ],
    ...overrides,
  };
}

/** Creates the project as `creator` and opens it for voting; returns its id. */
export async function openProject(
  creator: { api: ReturnType<T["callerAs"]> },
  input: Parameters<ReturnType<T["callerAs"]>["project"]["create"]>[0],
): Promise<string> {
  const { id } = await creator.api.project.create(input);
  await creator.api.project.open({ projectId: id });
  return id;
}

/**
 * A team with members of `roles` (as `teamWith`) and the owner's blank decision, open for voting.
 */
export async function openBlankProject(
  t: T,
  roles: Role[],
  overrides: Record<string, unknown> = {},
): Promise<Awaited<ReturnType<typeof teamWith>> & { projectId: string }> {
  const setup = await teamWith(t, roles);
  const projectId = await openProject(setup.owner, blankInput(setup.team.id, overrides));
  return { ...setup, projectId };
}

/**
 * The owner's blank decision, open for voting with a quorum of two, in a team of an admin, two
 * members and a viewer: everyone a draft's fields, reviews and acceptance are about.
 */
export async function openDraftTeamProject(t: T) {
  const setup = await openBlankProject(t, ["ADMIN", "MEMBER", "MEMBER", "VIEWER"], { quorum: 2 });
  return {
    ...setup,
    admin: at(setup.people, 1),
    member: at(setup.people, 2),
    member2: at(setup.people, 3),
    viewer: at(setup.people, 4),
  };
}

type Api = ReturnType<T["callerAs"]>;
type Ballot = Omit<Parameters<Api["vote"]["cast"]>[0], "projectId" | "criterionKey">;

/** `voter` casts `ballot` (importance, scores, reason) on one criterion of the project. */
export function castVote(
  voter: { api: Api },
  projectId: string,
  criterionKey: string,
  ballot: Ballot,
) {
  return voter.api.vote.cast({ projectId, criterionKey, ...ballot });
}

/** `voter` casts the same `ballot` on both criteria of the blank decision (`blankInput`). */
export async function castOnBothCriteria(voter: { api: Api }, projectId: string, ballot: Ballot) {
  for (const criterionKey of ["ops", "ordering"]) {
    await castVote(voter, projectId, criterionKey, ballot);
  }
}

/** A ballot that puts SQS ahead of Kafka: importance 4, Kafka 2 and SQS 5. */
export const SQS_AHEAD = { weight: 4, scores: { kafka: 2, sqs: 5 } } satisfies Ballot;

/**
 * Each of `voters` casts `SQS_AHEAD` (with `more`, such as a reason) on both criteria of the
 * blank decision: their complete ballots make SQS the recommendation.
 */
export async function allPreferSqs(
  voters: { api: Api }[],
  projectId: string,
  more: Partial<Ballot> = {},
) {
  for (const voter of voters) {
    await castOnBothCriteria(voter, projectId, { ...SQS_AHEAD, ...more });
  }
}

type DecideInput = Parameters<Api["record"]["decide"]>[0];

/**
 * `decider` records `chosenOptionKey` as the decision, for `rationale`, as its decision maker and
 * knowingly provisional if need be; `more` adds or replaces fields of the record.
 */
export function recordDecision(
  decider: { id: string; api: Api },
  projectId: string,
  chosenOptionKey: string,
  rationale: string,
  more: Partial<DecideInput> = {},
) {
  return decider.api.record.decide({
    projectId,
    chosenOptionKey,
    rationale,
    consequences: { good: [], neutral: [], bad: [] },
    decisionMakers: [{ userId: decider.id }],
    confirmProvisional: true,
    ...more,
  });
}

/** An exported file's content as a reader sees it: the PDF's text as extracted, others as written. */
export async function readableText(format: string, content: string) {
  if (format !== "pdf") return content;
  const pdf = await getDocumentProxy(new Uint8Array(Buffer.from(content, "base64")));
  return (await extractText(pdf, { mergePages: true })).text;
}

/**
 * `projectId` exported by `reader` (a caller) in `format`, as a reader sees it (`readableText`),
 * runs of whitespace read as one space.
 */
export async function exportedText(
  reader: Api,
  projectId: string,
  format: Parameters<Api["export"]["file"]>[0]["format"],
) {
  const file = await reader.export.file({ projectId, format });
  return (await readableText(format, file.content)).replace(/\s+/g, " ");
}

/** The i-th item of a list the test built itself; fails loudly if it is missing. */
export function at<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`No item ${i} in a list of ${list.length}.`);
  return item;
}

/**
 * An open blank decision on which two members vote: `member` on both criteria (sqs leads),
 * `other` on "ops" only. `unreadable()` writes `other`'s scores around the API as text that is
 * no JSON, so that vote cannot be read; `readable()` writes them back as scores.
 */
export async function twoVotersOnBlankProject(t: T) {
  const setup = await openBlankProject(t, ["MEMBER", "MEMBER"]);
  const [member, other] = [at(setup.people, 1), at(setup.people, 2)];
  const { projectId } = setup;
  await castOnBothCriteria(member, projectId, { weight: 3, scores: { kafka: 2, sqs: 5 } });
  await castVote(other, projectId, "ops", { weight: 4, scores: { kafka: 5, sqs: 1 } });
  const unreadable = () => t.db.$executeRaw`UPDATE votes
      SET scores = to_jsonb('{"kafka": 5,'::text), updated_at = now()
      WHERE project_id = ${projectId} AND user_id = ${other.id}`;
  const readable = () => t.db.$executeRaw`UPDATE votes
      SET scores = '{"kafka": 5, "sqs": 1}'::jsonb, updated_at = now()
      WHERE project_id = ${projectId} AND user_id = ${other.id}`;
  return { setup, member, other, projectId, unreadable, readable };
}

/** An open blank decision (kafka or sqs) on which a member has voted on both criteria. */
export async function votedBlankProject(t: T) {
  const setup = await openBlankProject(t, ["MEMBER", "MEMBER"]);
  const member = at(setup.people, 1);
  await castOnBothCriteria(member, setup.projectId, { weight: 3, scores: { kafka: 2, sqs: 5 } });
  return { ...setup, member, other: at(setup.people, 2) };
}
