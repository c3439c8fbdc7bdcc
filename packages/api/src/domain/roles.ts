/**
 * Team roles and what they rank: the one definition the access checks (trpc.ts), the services
 * and the web app's settings pages share. Pure: no database, no transport.
 */

/** The same names as the database's Role enum. */
export type Role = "OWNER" | "ADMIN" | "MEMBER" | "VIEWER";

/** Most powerful first, as lists and menus show them. */
export const ROLES: readonly Role[] = ["OWNER", "ADMIN", "MEMBER", "VIEWER"];

/** Roles from least to most powerful; a role can do everything the ones before it can. */
export const ROLE_RANK: Record<Role, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

/** Whether `role` may do what `minRole` may. */
export const hasRole = (role: Role, minRole: Role) => ROLE_RANK[role] >= ROLE_RANK[minRole];

/** Whether `role` is no more powerful than `max` (what an admin may grant or manage). */
export const atMost = (role: Role, max: Role) => ROLE_RANK[role] <= ROLE_RANK[max];

/** The caller as the services that check a role take them: who, in which team, with what role. */
export type TeamActor = { userId: string; teamId: string; role: Role };
