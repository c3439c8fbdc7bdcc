import type { Prisma } from "@tradeoff/db";
import { DomainError } from "../../errors";
import type { RecordFields, RecordPerson } from "../../schemas/record";

type PeopleField = "decisionMakers" | "consulted" | "informed";
const FIELDS: PeopleField[] = ["decisionMakers", "consulted", "informed"];

/**
 * Names team members from their accounts (so a record never shows a stale or invented name)
 * and keeps free names as typed. A user id outside the team is refused, not silently dropped.
 */
export async function resolvePeople(
  tx: Pick<Prisma.TransactionClient, "membership">,
  teamId: string,
  fields: Pick<RecordFields, PeopleField>,
): Promise<Record<PeopleField, RecordPerson[]>> {
  const ids = [
    ...new Set(FIELDS.flatMap((f) => fields[f].flatMap((p) => (p.userId ? [p.userId] : [])))),
  ];
  const members = ids.length
    ? await tx.membership.findMany({
        where: { teamId, userId: { in: ids } },
        select: { userId: true, user: { select: { name: true, email: true } } },
      })
    : [];
  const nameOf = new Map(members.map((m) => [m.userId, m.user.name ?? m.user.email ?? "Member"]));
  const out = {} as Record<PeopleField, RecordPerson[]>;
  for (const field of FIELDS) {
    out[field] = fields[field].flatMap((person) => {
      if (person.userId) {
        const name = nameOf.get(person.userId);
        if (!name) {
          throw new DomainError("BAD_REQUEST", "Only members of this team can be picked.", {
            [field]: ["Only members of this team can be picked; type other people's names."],
          });
        }
        return [{ userId: person.userId, name }];
      }
      return person.name ? [{ name: person.name }] : [];
    });
  }
  return out;
}
