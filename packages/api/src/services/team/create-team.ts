import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@tradeoff/db";
import { teamSelect } from "./select";

export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
  return base || "team";
}

/** Creates a team with its creator as OWNER, in one transaction. */
export async function createTeam(db: PrismaClient, input: { userId: string; name: string }) {
  const base = slugify(input.name);
  const taken = await db.team.findUnique({ where: { slug: base }, select: { id: true } });
  const slug = taken ? `${base}-${randomBytes(3).toString("hex")}` : base;
  const team = await db.team.create({
    data: {
      name: input.name,
      slug,
      memberships: { create: { userId: input.userId, role: "OWNER" } },
      auditEvents: {
        create: { actorId: input.userId, action: "team.created", data: { name: input.name } },
      },
    },
    select: teamSelect,
  });
  return { ...team, role: "OWNER" as const };
}
