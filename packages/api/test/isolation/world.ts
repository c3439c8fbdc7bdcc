import type { Database, Prisma, Role } from "@tradeoff/db";
import { addMember, createTeam, createUser } from "@tradeoff/db/testing";

type WorldUser = { id: string; email: string | null; name: string | null };
type WorldTeam = { id: string; slug: string; name: string };

/**
 * The people and teams every isolation case runs against, created fresh for each procedure
 * so a case may change or delete anything of team A.
 *
 * - team A: `owner`, `admin`, `member`, `viewer` (one user per role)
 * - team B: `outsider`, its owner, who belongs to no other team
 */
export type World = {
  db: Database;
  teamA: WorldTeam;
  teamB: WorldTeam;
  owner: WorldUser;
  admin: WorldUser;
  member: WorldUser;
  viewer: WorldUser;
  outsider: WorldUser;
  /** The team A user holding exactly `role`. */
  userWithRole(role: Role): WorldUser;
};

export async function createWorld(db: Database): Promise<World> {
  const [owner, admin, member, viewer, outsider] = await Promise.all(
    ["Owner", "Admin", "Member", "Viewer", "Outsider"].map((label) =>
      createUser(db, { name: `${label} ${Math.random().toString(36).slice(2, 8)}` }),
    ),
  );
  if (!owner || !admin || !member || !viewer || !outsider) throw new Error("world users missing");
  const teamA = await createTeam(db, { ownerId: owner.id, name: "Team A" });
  await addMember(db, teamA.id, admin.id, "ADMIN");
  await addMember(db, teamA.id, member.id, "MEMBER");
  await addMember(db, teamA.id, viewer.id, "VIEWER");
  const teamB = await createTeam(db, { ownerId: outsider.id, name: "Team B" });
  const byRole: Record<Role, WorldUser> = {
    OWNER: owner,
    ADMIN: admin,
    MEMBER: member,
    VIEWER: viewer,
  };
  return {
    db,
    teamA,
    teamB,
    owner,
    admin,
    member,
    viewer,
    outsider,
    userWithRole: (role) => byRole[role],
  };
}

/**
 * A project of team A created by the MEMBER-role user (the creator may open, close, archive and
 * share it, so a case's positive control at exactly MEMBER is really allowed), numbered after
 * the team's last project, with two options and one criterion unless `data` says otherwise;
 * `data` also adds relations (a record, events).
 */
export async function createProjectOfTeamA(
  world: World,
  data: Partial<Omit<Prisma.ProjectUncheckedCreateInput, "teamId" | "number">> = {},
): Promise<{ id: string }> {
  const last = await world.db.project.findFirst({
    where: { teamId: world.teamA.id },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  return world.db.project.create({
    data: {
      title: "Which framework?",
      status: "OPEN",
      createdById: world.member.id,
      options: {
        create: [
          { key: "drf", name: "DRF", position: 0 },
          { key: "fastapi", name: "FastAPI", position: 1 },
        ],
      },
      criteria: { create: [{ key: "speed", name: "Speed", defaultWeight: 3, position: 0 }] },
      ...data,
      teamId: world.teamA.id,
      number: (last?.number ?? 0) + 1,
    },
    select: { id: true },
  });
}
