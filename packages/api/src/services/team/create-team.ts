import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@tradeoff/db";
import { isUniqueViolation } from "../../database-errors";
import { slugOf } from "../../domain/slug";
import { DomainError } from "../../errors";
import { teamSelect } from "./select";

/** A team's address from its name: at most 48 characters, "team" when nothing is left. */
export function slugify(name: string): string {
  return slugOf(name, 48) || "team";
}

const ATTEMPTS = 4;

/**
 * Creates a team with its creator as OWNER, in one transaction. A name whose address is taken
 * gets a short random suffix; so does one whose address another team took at the same moment
 * (the unique index decides), so racing creations with one name all succeed, as they would one
 * after the other. With an idempotency key, the team this person created with that key is
 * answered instead when there is one (a double click, a retry after a lost answer), also when
 * both requests arrive at once.
 */
export async function createTeam(
  db: PrismaClient,
  input: { userId: string; name: string; idempotencyKey?: string | undefined },
) {
  const key = input.idempotencyKey ?? null;
  const earlier = key ? await createdWithKey(db, input.userId, key) : null;
  if (earlier) return earlier;
  const base = slugify(input.name);
  const taken = await db.team.findUnique({ where: { slug: base }, select: { id: true } });
  const suffixed = () => `${base}-${randomBytes(3).toString("hex")}`;
  let slug = taken ? suffixed() : base;
  for (let attempt = 1; ; attempt++) {
    try {
      const team = await db.team.create({
        data: {
          name: input.name,
          slug,
          createdById: input.userId,
          clientKey: key,
          memberships: { create: { userId: input.userId, role: "OWNER" } },
          auditEvents: {
            create: { actorId: input.userId, action: "team.created", data: { name: input.name } },
          },
        },
        select: teamSelect,
      });
      return { ...team, role: "OWNER" as const };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (key) {
        // The same key sent twice at once: the unique index keeps one, both get that one.
        const again = await createdWithKey(db, input.userId, key);
        if (again) return again;
        const used = await db.team.findFirst({
          where: { createdById: input.userId, clientKey: key },
          select: { id: true },
        });
        if (used) {
          throw new DomainError(
            "CONFLICT",
            "This idempotency key was already used to create a team you are no longer a member of: send a new key with each new team.",
          );
        }
      }
      if (attempt >= ATTEMPTS) {
        throw new DomainError(
          "CONFLICT",
          "Other teams took this team's address while it was being created. Try again.",
        );
      }
      slug = suffixed();
    }
  }
}

/** The team `userId` created with `key` and still belongs to, with their role in it. */
async function createdWithKey(db: PrismaClient, userId: string, key: string) {
  const team = await db.team.findFirst({
    where: { createdById: userId, clientKey: key },
    select: { ...teamSelect, memberships: { where: { userId }, select: { role: true } } },
  });
  const membership = team?.memberships[0];
  if (!team || !membership) return null;
  const { memberships: _memberships, ...fields } = team;
  return { ...fields, role: membership.role };
}
