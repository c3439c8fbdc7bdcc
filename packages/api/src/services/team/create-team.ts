import { randomBytes } from "node:crypto";
import { Prisma, type PrismaClient } from "@tradeoff/db";
import { slugOf } from "../../domain/slug";
import { DomainError } from "../../errors";
import { teamSelect } from "./select";

/** A team's address from its name: at most 48 characters, "team" when nothing is left. */
export function slugify(name: string): string {
  return slugOf(name, 48) || "team";
}

const ATTEMPTS = 4;

const slugTaken = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Creates a team with its creator as OWNER, in one transaction. A name whose address is taken
 * gets a short random suffix; so does one whose address another team took at the same moment
 * (the unique index decides), so racing creations with one name all succeed, as they would one
 * after the other.
 */
export async function createTeam(db: PrismaClient, input: { userId: string; name: string }) {
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
          memberships: { create: { userId: input.userId, role: "OWNER" } },
          auditEvents: {
            create: { actorId: input.userId, action: "team.created", data: { name: input.name } },
          },
        },
        select: teamSelect,
      });
      return { ...team, role: "OWNER" as const };
    } catch (error) {
      if (!slugTaken(error)) throw error;
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
