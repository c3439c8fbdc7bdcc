/**
 * The bench's world: one team of N members and the built-in DRF vs FastAPI project, open,
 * with every member's vote on every criterion. The project is created and opened through the
 * real API (as the app would); the votes are written in bulk, as if cast earlier.
 */
import { randomBytes } from "node:crypto";
import { appRouter, createContextInner } from "@tradeoff/api";
import type { Database } from "@tradeoff/db";
import { drfVsFastapi, templateToProjectInput } from "@tradeoff/templates";

export type BenchWorld = {
  teamId: string;
  teamSlug: string;
  projectId: string;
  members: { id: string; email: string; name: string }[];
  criteriaKeys: string[];
  optionKeys: string[];
};

/** The API called in-process as one member, as the app answers that member's signed-in request. */
export function callerAs(
  db: Database,
  member: { id: string; email: string | null; name: string | null },
  options: { secret?: string } = {},
) {
  return appRouter.createCaller(
    createContextInner({
      db,
      user: { id: member.id, email: member.email ?? "", name: member.name, tokenVersion: 0 },
      ...options,
    }),
  );
}

/** A repeatable pseudo-random sequence, so every run seeds the same votes. */
function sequence(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function seedBenchWorld(db: Database, memberCount: number): Promise<BenchWorld> {
  const suffix = randomBytes(3).toString("hex");
  // Password hashes are irrelevant here: the bench signs its sessions with the server's secret.
  await db.user.createMany({
    data: Array.from({ length: memberCount }, (_, i) => ({
      email: `member-${i}-${suffix}@bench.tradeoff.dev`,
      name: `Member ${i}`,
    })),
  });
  const members = await db.user.findMany({
    where: { email: { endsWith: `-${suffix}@bench.tradeoff.dev` } },
    select: { id: true, email: true, name: true },
    orderBy: { createdAt: "asc" },
  });
  const owner = members[0];
  if (!owner) throw new Error("The bench needs at least one member.");
  const team = await db.team.create({
    data: { name: "Bench team", slug: `bench-${suffix}` },
    select: { id: true },
  });
  await db.membership.createMany({
    data: members.map((m, i) => ({
      teamId: team.id,
      userId: m.id,
      role: i === 0 ? "OWNER" : "MEMBER",
    })),
  });

  const caller = callerAs(db, owner);
  const project = await caller.project.create({
    teamId: team.id,
    ...templateToProjectInput(drfVsFastapi),
  });
  await caller.project.open({ projectId: project.id });

  const criteria = await db.criterion.findMany({
    where: { projectId: project.id },
    select: { id: true, key: true },
  });
  const optionKeys = drfVsFastapi.options.map((o) => o.key);
  const random = sequence(42);
  const score = () => 1 + Math.floor(random() * 5);
  await db.vote.createMany({
    data: members.flatMap((member) =>
      criteria.map((criterion) => ({
        projectId: project.id,
        criterionId: criterion.id,
        userId: member.id,
        weight: Math.floor(random() * 6),
        scores: Object.fromEntries(optionKeys.map((key) => [key, score()])),
      })),
    ),
  });
  return {
    teamId: team.id,
    teamSlug: `bench-${suffix}`,
    projectId: project.id,
    members: members.map((m) => ({ id: m.id, email: m.email ?? "", name: m.name ?? "" })),
    criteriaKeys: criteria.map((c) => c.key),
    optionKeys,
  };
}

/**
 * One read-write personal access token per member, in the world's member order, created through
 * the API as a member would on the account page: for clients that call the API as the CLI does.
 */
export async function createAccessTokens(db: Database, world: BenchWorld): Promise<string[]> {
  const tokens: string[] = [];
  for (const member of world.members) {
    const caller = callerAs(db, member);
    const { token } = await caller.token.create({ name: "fault test", scope: "READ_WRITE" });
    tokens.push(token);
  }
  return tokens;
}
