/**
 * Every procedure of the app router, by path: its kind, who may call it and its input schema.
 * The REST API (/api/v1, its OpenAPI description and documentation page), the isolation sweep and
 * the bad-input sweep read this list; nothing reads the router's internals.
 *
 * It cannot drift from the router unnoticed:
 * - the compiler requires an entry for every path of `AppRouter` and none for a path that does
 *   not exist, and each entry's input schema must take exactly the procedure's input type;
 * - the isolation sweep calls every procedure and checks the kind and the access rule each
 *   reports (the metadata its procedure factory records in src/trpc.ts) against this list.
 *
 * A new procedure: add one line here with the same factory's rule and the same schema.
 */
import type { inferRouterInputs } from "@trpc/server";
import type { z } from "zod";
import type { Role } from "./domain/roles";
import type { AppRouter } from "./root";
import {
  ballotViewSchema,
  changePasswordSchema,
  deleteAccountSchema,
  endSessionSchema,
  updateNameSchema,
} from "./schemas/account";
import { signUpSchema } from "./schemas/auth";
import {
  createCommentSchema,
  deleteCommentSchema,
  editCommentSchema,
  listCommentsSchema,
  markMentionsSeenSchema,
  myMentionsSchema,
} from "./schemas/comment";
import { folderExportSchema, folderImportSchema, setTagsSchema } from "./schemas/folder";
import { listHistorySchema, recommendationAtSchema, timelineSchema } from "./schemas/history";
import {
  createInvitationSchema,
  invitationIdSchema,
  invitationLinkInput,
  invitationTokenInput,
} from "./schemas/invitation";
import { projectStreamSchema } from "./schemas/live";
import { changeRoleSchema, removeMemberSchema } from "./schemas/member";
import {
  listNotificationsSchema,
  markNotificationReadSchema,
  setPreferenceSchema,
} from "./schemas/notification";
import {
  createProjectSchema,
  listProjectsSchema,
  nudgeSchema,
  projectIdSchema,
  saveAsTemplateSchema,
  suggestWeightsSchema,
  teamIdSchema,
  updateProjectSchema,
} from "./schemas/project";
import {
  decideSchema,
  dueForReviewSchema,
  exportSchema,
  importSchema,
  reviseRecordSchema,
  supersedeSchema,
} from "./schemas/record";
import {
  createShareLinkSchema,
  listShareLinksSchema,
  revokeShareLinkSchema,
  viewSharedSchema,
} from "./schemas/share";
import {
  createTeamSchema,
  deleteTeamSchema,
  getTeamSchema,
  renameTeamSchema,
  teamOnlySchema,
  transferOwnershipSchema,
} from "./schemas/team";
import { createTokenSchema, revokeTokenSchema } from "./schemas/token";
import { castVoteSchema, listReasonsSchema, retractVoteSchema } from "./schemas/vote";
import {
  createWebhookSchema,
  listDeliveriesSchema,
  redeliverSchema,
  updateWebhookSchema,
  webhookRefSchema,
} from "./schemas/webhook";
import type { ProcedureMeta } from "./trpc";

export type ProcedureAccess = NonNullable<ProcedureMeta["access"]>;

export type ProcedureEntry = {
  type: "query" | "mutation" | "subscription";
  /** The access rule of the procedure's factory; null for public procedures. */
  access: ProcedureAccess | null;
  /** Only a signed-in browser session, never an access token (`sessionProcedure`). */
  sessionOnly: boolean;
  /** The schema given to `.input()`, or null for a procedure without input. */
  input: z.ZodType | null;
};

/** `publicProcedure`: anyone, signed in or not. */
const anyone = { access: null, sessionOnly: false } as const;
/** `protectedProcedure`: any signed-in user, by session or access token. */
const signedIn = { access: { scope: "user" }, sessionOnly: false } as const;
/** `sessionProcedure`: a signed-in browser session only. */
const browserSession = { access: { scope: "user" }, sessionOnly: true } as const;
/** `teamProcedure(minRole)`. */
const team = (minRole: Role) =>
  ({ access: { scope: "team", minRole }, sessionOnly: false }) as const;
/** `projectProcedure(minRole)`. */
const project = (minRole: Role) =>
  ({ access: { scope: "project", minRole }, sessionOnly: false }) as const;

type Rule = Pick<ProcedureEntry, "access" | "sessionOnly">;
/** An entry's factory per kind: with a schema, or without input (`input: null`). */
type Make<T extends ProcedureEntry["type"]> = {
  (rule: Rule): Rule & { type: T; input: null };
  <S extends z.ZodType>(rule: Rule, input: S): Rule & { type: T; input: S };
};
const entry = <T extends ProcedureEntry["type"]>(type: T) =>
  ((rule: Rule, input: z.ZodType | null = null) => ({ type, ...rule, input })) as Make<T>;
const query = entry("query");
const mutation = entry("mutation");
const subscription = entry("subscription");

export const PROCEDURES = {
  "account.get": query(signedIn),
  "account.ballotView": query(signedIn),
  "account.setBallotView": mutation(signedIn, ballotViewSchema),
  "account.updateName": mutation(signedIn, updateNameSchema),
  "account.changePassword": mutation(browserSession, changePasswordSchema),
  "account.sessions": query(browserSession),
  "account.endSession": mutation(browserSession, endSessionSchema),
  "account.endOtherSessions": mutation(browserSession),
  "account.signOutEverywhere": mutation(browserSession),
  "account.delete": mutation(browserSession, deleteAccountSchema),
  "audit.list": query(team("ADMIN"), teamOnlySchema),
  "auth.signUp": mutation(anyone, signUpSchema),
  "auth.me": query(signedIn),
  "comment.list": query(project("VIEWER"), listCommentsSchema),
  "comment.create": mutation(project("VIEWER"), createCommentSchema),
  "comment.edit": mutation(project("VIEWER"), editCommentSchema),
  "comment.delete": mutation(project("VIEWER"), deleteCommentSchema),
  "comment.mentions": query(team("VIEWER"), myMentionsSchema),
  "comment.markMentionsSeen": mutation(project("VIEWER"), markMentionsSeenSchema),
  "dashboard.get": query(team("VIEWER"), teamIdSchema),
  "export.file": query(project("VIEWER"), exportSchema),
  "export.import": mutation(team("MEMBER"), importSchema),
  "export.folder": query(team("VIEWER"), folderExportSchema),
  "export.importFolder": mutation(team("MEMBER"), folderImportSchema),
  "history.list": query(project("VIEWER"), listHistorySchema),
  "history.timeline": query(project("VIEWER"), timelineSchema),
  "history.at": query(project("VIEWER"), recommendationAtSchema),
  "invitation.create": mutation(team("ADMIN"), createInvitationSchema),
  "invitation.list": query(team("ADMIN"), teamOnlySchema),
  "invitation.revoke": mutation(team("ADMIN"), invitationIdSchema),
  "invitation.preview": query(anyone, invitationTokenInput),
  "invitation.readLink": mutation(signedIn, invitationLinkInput),
  "invitation.accept": mutation(signedIn, invitationTokenInput),
  "live.project": subscription(project("VIEWER"), projectStreamSchema),
  "member.list": query(team("VIEWER"), teamOnlySchema),
  "member.changeRole": mutation(team("ADMIN"), changeRoleSchema),
  "member.remove": mutation(team("ADMIN"), removeMemberSchema),
  "notification.list": query(signedIn, listNotificationsSchema),
  "notification.unreadCount": query(signedIn),
  "notification.markRead": mutation(signedIn, markNotificationReadSchema),
  "notification.markAllRead": mutation(signedIn),
  "notification.preferences": query(signedIn),
  "notification.setPreference": mutation(signedIn, setPreferenceSchema),
  "notification.unread": subscription(signedIn),
  "project.create": mutation(team("MEMBER"), createProjectSchema),
  "project.get": query(project("VIEWER"), projectIdSchema),
  "project.list": query(team("VIEWER"), listProjectsSchema),
  "project.update": mutation(project("MEMBER"), updateProjectSchema),
  "project.open": mutation(project("MEMBER"), projectIdSchema),
  "project.close": mutation(project("MEMBER"), projectIdSchema),
  "project.reopen": mutation(project("MEMBER"), projectIdSchema),
  "project.archive": mutation(project("MEMBER"), projectIdSchema),
  "project.recommendation": query(project("VIEWER"), projectIdSchema),
  "project.participation": query(project("VIEWER"), projectIdSchema),
  "project.waitingOn": query(project("VIEWER"), projectIdSchema),
  "project.nudge": mutation(project("MEMBER"), nudgeSchema),
  "project.templates": query(team("VIEWER"), teamIdSchema),
  "project.suggestWeights": query(team("MEMBER"), suggestWeightsSchema),
  "project.saveAsTemplate": mutation(project("MEMBER"), saveAsTemplateSchema),
  "project.createSample": mutation(team("MEMBER"), teamOnlySchema),
  "project.removeSample": mutation(project("MEMBER"), projectIdSchema),
  "record.get": query(project("VIEWER"), projectIdSchema),
  "record.decide": mutation(project("MEMBER"), decideSchema),
  "record.revise": mutation(project("MEMBER"), reviseRecordSchema),
  "record.supersede": mutation(project("MEMBER"), supersedeSchema),
  "record.dueForReview": query(team("VIEWER"), dueForReviewSchema),
  "share.create": mutation(project("MEMBER"), createShareLinkSchema),
  "share.list": query(project("MEMBER"), listShareLinksSchema),
  "share.revoke": mutation(project("MEMBER"), revokeShareLinkSchema),
  "share.view": query(anyone, viewSharedSchema),
  "tag.set": mutation(project("MEMBER"), setTagsSchema),
  "tag.list": query(team("VIEWER"), teamIdSchema),
  "team.create": mutation(signedIn, createTeamSchema),
  "team.list": query(signedIn),
  "team.get": query(signedIn, getTeamSchema),
  "team.rename": mutation(team("ADMIN"), renameTeamSchema),
  "team.leave": mutation(team("VIEWER"), teamOnlySchema),
  "team.transferOwnership": mutation(team("OWNER"), transferOwnershipSchema),
  "team.delete": mutation(team("OWNER"), deleteTeamSchema),
  "token.list": query(browserSession),
  "token.create": mutation(browserSession, createTokenSchema),
  "token.revoke": mutation(browserSession, revokeTokenSchema),
  "vote.cast": mutation(project("MEMBER"), castVoteSchema),
  "vote.retract": mutation(project("MEMBER"), retractVoteSchema),
  "vote.mine": query(project("VIEWER"), projectIdSchema),
  "vote.reasons": query(project("VIEWER"), listReasonsSchema),
  "webhook.list": query(team("ADMIN"), teamOnlySchema),
  "webhook.create": mutation(team("ADMIN"), createWebhookSchema),
  "webhook.update": mutation(team("ADMIN"), updateWebhookSchema),
  "webhook.rotateSecret": mutation(team("ADMIN"), webhookRefSchema),
  "webhook.delete": mutation(team("ADMIN"), webhookRefSchema),
  "webhook.deliveries": query(team("ADMIN"), listDeliveriesSchema),
  "webhook.sendTest": mutation(team("ADMIN"), webhookRefSchema),
  "webhook.redeliver": mutation(team("ADMIN"), redeliverSchema),
} satisfies Record<ProcedurePath, ProcedureEntry>;

type Inputs = inferRouterInputs<AppRouter>;

/** Every procedure path of the app router: "project.list", "vote.cast", ... */
export type ProcedurePath = {
  [R in keyof Inputs & string]: `${R}.${keyof Inputs[R] & string}`;
}[keyof Inputs & string];

type InputOf<P extends ProcedurePath> = P extends `${infer R extends keyof Inputs}.${infer N}`
  ? N extends keyof Inputs[R]
    ? Inputs[R][N]
    : never
  : never;
/** What a caller sends: the schema's input, or nothing (tRPC's `void`) without a schema. */
// biome-ignore lint/suspicious/noConfusingVoidType: tRPC types a procedure without input as void.
type SchemaInput<S> = S extends z.ZodType ? z.input<S> : void;
/** Equal types, apart from whether the whole input may be left out (tRPC adds `| void` then). */
type Same<A, B> = [Exclude<A, void>] extends [Exclude<B, void>]
  ? [Exclude<B, void>] extends [Exclude<A, void>]
    ? true
    : false
  : false;

/** Paths whose listed schema does not take what the procedure takes (must be none). */
type WrongInput = {
  [P in ProcedurePath]: Same<SchemaInput<(typeof PROCEDURES)[P]["input"]>, InputOf<P>> extends true
    ? never
    : P;
}[ProcedurePath];
// A compile error here names the paths whose schema is not the procedure's own.
const inputsMatch: [WrongInput] extends [never] ? true : WrongInput = true;
void inputsMatch;

/** Extra paths are refused too: `satisfies` allows none that `AppRouter` lacks. */
export const procedureEntries = Object.entries(PROCEDURES) as [ProcedurePath, ProcedureEntry][];
