export type Role = "OWNER" | "ADMIN" | "MEMBER" | "VIEWER";
export type TeamSummary = { id: string; name: string; slug: string; role: Role };

export const ROLES: Role[] = ["OWNER", "ADMIN", "MEMBER", "VIEWER"];
const RANK: Record<Role, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

export const roleLabel = (role: Role) => role.charAt(0) + role.slice(1).toLowerCase();
export const atMost = (role: Role, max: Role) => RANK[role] <= RANK[max];
export const isAdmin = (role: Role) => RANK[role] >= RANK.ADMIN;

export const ROLE_HELP: Record<Role, string> = {
  OWNER: "Everything, including deleting the team",
  ADMIN: "Manages members and invitations",
  MEMBER: "Creates projects, votes and comments",
  VIEWER: "Reads and comments",
};
