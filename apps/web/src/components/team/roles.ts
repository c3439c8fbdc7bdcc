import { hasRole, type Role } from "@tradeoff/api/roles";

export { atMost, ROLES, type Role } from "@tradeoff/api/roles";
export type TeamSummary = { id: string; name: string; slug: string; role: Role };

export const roleLabel = (role: Role) => role.charAt(0) + role.slice(1).toLowerCase();
export const isAdmin = (role: Role) => hasRole(role, "ADMIN");

export const ROLE_HELP: Record<Role, string> = {
  OWNER: "Everything, including deleting the team",
  ADMIN: "Manages members and invitations",
  MEMBER: "Creates projects, votes and comments",
  VIEWER: "Reads and comments",
};
