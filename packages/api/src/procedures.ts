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
import * as accountInput from "./schemas/account";
import * as authInput from "./schemas/auth";
import * as commentInput from "./schemas/comment";
import * as draftInput from "./schemas/draft";
import * as folderInput from "./schemas/folder";
import * as historyInput from "./schemas/history";
import * as invitationInput from "./schemas/invitation";
import * as liveInput from "./schemas/live";
import * as memberInput from "./schemas/member";
import * as notificationInput from "./schemas/notification";
import * as projectInput from "./schemas/project";
import * as recordInput from "./schemas/record";
import * as shareInput from "./schemas/share";
import * as teamInput from "./schemas/team";
import * as tokenInput from "./schemas/token";
import * as voteInput from "./schemas/vote";
import * as webhookInput from "./schemas/webhook";
import type { ProcedureMeta } from "./trpc";

export type ProcedureAccess = NonNullable<ProcedureMeta["access"]>;

export type ProcedureEntry = {
  type: "query" | "mutation" | "subscription";
  /** The access rule of the procedure's factory; null for public procedures. */
  access: ProcedureAccess | null;
  /**
   * Only a signed-in browser session, never an access token: the account, its memberships and
   * a team's administration (every procedure needing the admin role or higher).
   */
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
/** `membershipProcedure`: a signed-in browser session only (creating or joining a team). */
const membership = browserSession;
/** A team's administration (admin role or higher) is never open to access tokens. */
const administers = (minRole: Role) => minRole === "ADMIN" || minRole === "OWNER";
/** `teamProcedure(minRole)`; `teamProcedure(minRole, { sessionOnly: true })` with `sessionOnly`. */
const team = (minRole: Role, options: { sessionOnly?: true } = {}) =>
  ({
    access: { scope: "team", minRole },
    sessionOnly: Boolean(options.sessionOnly) || administers(minRole),
  }) as const;
/** `projectProcedure(minRole)`. */
const project = (minRole: Role) =>
  ({ access: { scope: "project", minRole }, sessionOnly: administers(minRole) }) as const;

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
  "account.setBallotView": mutation(browserSession, accountInput.ballotViewSchema),
  "account.updateName": mutation(browserSession, accountInput.updateNameSchema),
  "account.changePassword": mutation(browserSession, accountInput.changePasswordSchema),
  "account.setPassword": mutation(browserSession, accountInput.setPasswordSchema),
  "account.sessions": query(browserSession),
  "account.endSession": mutation(browserSession, accountInput.endSessionSchema),
  "account.endOtherSessions": mutation(browserSession),
  "account.signOutEverywhere": mutation(browserSession),
  "account.delete": mutation(browserSession, accountInput.deleteAccountSchema),
  "audit.list": query(team("ADMIN"), teamInput.listAuditSchema),
  "auth.signUp": mutation(anyone, authInput.signUpSchema),
  "auth.me": query(signedIn),
  "comment.list": query(project("VIEWER"), commentInput.listCommentsSchema),
  "comment.create": mutation(project("VIEWER"), commentInput.createCommentSchema),
  "comment.edit": mutation(project("VIEWER"), commentInput.editCommentSchema),
  "comment.delete": mutation(project("VIEWER"), commentInput.deleteCommentSchema),
  "comment.mentions": query(team("VIEWER"), commentInput.myMentionsSchema),
  "comment.markMentionsSeen": mutation(project("VIEWER"), commentInput.markMentionsSeenSchema),
  "dashboard.get": query(team("VIEWER"), projectInput.teamIdSchema),
  "draft.get": query(project("VIEWER"), draftInput.draftProjectSchema),
  "draft.start": mutation(project("MEMBER"), draftInput.draftProjectSchema),
  "draft.updateFields": mutation(project("MEMBER"), draftInput.updateDraftFieldsSchema),
  "draft.review": mutation(project("MEMBER"), draftInput.reviewDraftSchema),
  "draft.comment": mutation(project("VIEWER"), draftInput.commentDraftSchema),
  "draft.resolveComment": mutation(project("MEMBER"), draftInput.resolveDraftCommentSchema),
  "draft.accept": mutation(project("MEMBER"), draftInput.acceptDraftSchema),
  "draft.discard": mutation(project("MEMBER"), draftInput.draftProjectSchema),
  "draft.setApprovalRule": mutation(project("ADMIN"), draftInput.setApprovalRuleSchema),
  "draft.setSharing": mutation(project("MEMBER"), draftInput.setDraftSharingSchema),
  "export.file": query(project("VIEWER"), recordInput.exportSchema),
  "export.import": mutation(team("MEMBER"), recordInput.importSchema),
  "export.folder": query(team("VIEWER"), folderInput.folderExportSchema),
  "export.importFolder": mutation(team("MEMBER"), folderInput.folderImportSchema),
  "history.list": query(project("VIEWER"), historyInput.listHistorySchema),
  "history.people": query(project("VIEWER"), historyInput.historyPeopleSchema),
  "history.timeline": query(project("VIEWER"), historyInput.timelineSchema),
  "history.at": query(project("VIEWER"), historyInput.recommendationAtSchema),
  "invitation.create": mutation(team("ADMIN"), invitationInput.createInvitationSchema),
  "invitation.list": query(team("ADMIN"), teamInput.teamOnlySchema),
  "invitation.revoke": mutation(team("ADMIN"), invitationInput.invitationIdSchema),
  "invitation.preview": query(anyone, invitationInput.invitationTokenInput),
  "invitation.readLink": mutation(membership, invitationInput.invitationLinkInput),
  "invitation.accept": mutation(membership, invitationInput.invitationTokenInput),
  "live.position": query(project("VIEWER"), liveInput.streamPositionSchema),
  "live.project": subscription(project("VIEWER"), liveInput.projectStreamSchema),
  "member.list": query(team("VIEWER"), teamInput.teamOnlySchema),
  "member.changeRole": mutation(team("ADMIN"), memberInput.changeRoleSchema),
  "member.remove": mutation(team("ADMIN"), memberInput.removeMemberSchema),
  "notification.list": query(signedIn, notificationInput.listNotificationsSchema),
  "notification.unreadCount": query(signedIn),
  "notification.markRead": mutation(signedIn, notificationInput.markNotificationReadSchema),
  "notification.markAllRead": mutation(signedIn),
  "notification.preferences": query(signedIn),
  "notification.setPreference": mutation(browserSession, notificationInput.setPreferenceSchema),
  "notification.unread": subscription(signedIn),
  "project.create": mutation(team("MEMBER"), projectInput.createProjectSchema),
  "project.get": query(project("VIEWER"), projectInput.projectIdSchema),
  "project.list": query(team("VIEWER"), projectInput.listProjectsSchema),
  "project.update": mutation(project("MEMBER"), projectInput.updateProjectSchema),
  "project.open": mutation(project("MEMBER"), projectInput.projectIdSchema),
  "project.close": mutation(project("MEMBER"), projectInput.projectIdSchema),
  "project.reopen": mutation(project("MEMBER"), projectInput.projectIdSchema),
  "project.archive": mutation(project("MEMBER"), projectInput.projectIdSchema),
  "project.recommendation": query(project("VIEWER"), projectInput.projectIdSchema),
  "project.participation": query(project("VIEWER"), projectInput.projectIdSchema),
  "project.waitingOn": query(project("VIEWER"), projectInput.projectIdSchema),
  "project.nudge": mutation(project("MEMBER"), projectInput.nudgeSchema),
  "project.templates": query(team("VIEWER"), projectInput.teamIdSchema),
  "project.suggestWeights": query(team("MEMBER"), projectInput.suggestWeightsSchema),
  "project.saveAsTemplate": mutation(project("MEMBER"), projectInput.saveAsTemplateSchema),
  "project.createSample": mutation(team("MEMBER"), teamInput.teamOnlySchema),
  "project.removeSample": mutation(project("MEMBER"), projectInput.projectIdSchema),
  "record.get": query(project("VIEWER"), projectInput.projectIdSchema),
  "record.decide": mutation(project("MEMBER"), recordInput.decideSchema),
  "record.revise": mutation(project("MEMBER"), recordInput.reviseRecordSchema),
  "record.supersede": mutation(project("MEMBER"), recordInput.supersedeSchema),
  "record.dueForReview": query(team("VIEWER"), recordInput.dueForReviewSchema),
  "share.create": mutation(project("MEMBER"), shareInput.createShareLinkSchema),
  "share.list": query(project("MEMBER"), shareInput.listShareLinksSchema),
  "share.revoke": mutation(project("MEMBER"), shareInput.revokeShareLinkSchema),
  "share.view": query(anyone, shareInput.viewSharedSchema),
  "tag.set": mutation(project("MEMBER"), folderInput.setTagsSchema),
  "tag.list": query(team("VIEWER"), projectInput.teamIdSchema),
  "template.delete": mutation(team("MEMBER"), projectInput.deleteTemplateSchema),
  "team.create": mutation(membership, teamInput.createTeamSchema),
  "team.list": query(signedIn),
  "team.get": query(signedIn, teamInput.getTeamSchema),
  "team.rename": mutation(team("ADMIN"), teamInput.renameTeamSchema),
  "team.leave": mutation(team("VIEWER", { sessionOnly: true }), teamInput.teamOnlySchema),
  "team.transferOwnership": mutation(team("OWNER"), teamInput.transferOwnershipSchema),
  "team.delete": mutation(team("OWNER"), teamInput.deleteTeamSchema),
  "token.list": query(browserSession, tokenInput.listTokensSchema),
  "token.create": mutation(browserSession, tokenInput.createTokenSchema),
  "token.revoke": mutation(browserSession, tokenInput.revokeTokenSchema),
  "vote.cast": mutation(project("MEMBER"), voteInput.castVoteSchema),
  "vote.retract": mutation(project("MEMBER"), voteInput.retractVoteSchema),
  "vote.mine": query(project("VIEWER"), projectInput.projectIdSchema),
  "vote.reasons": query(project("VIEWER"), voteInput.listReasonsSchema),
  "webhook.list": query(team("ADMIN"), teamInput.teamOnlySchema),
  "webhook.create": mutation(team("ADMIN"), webhookInput.createWebhookSchema),
  "webhook.update": mutation(team("ADMIN"), webhookInput.updateWebhookSchema),
  "webhook.rotateSecret": mutation(team("ADMIN"), webhookInput.webhookRefSchema),
  "webhook.delete": mutation(team("ADMIN"), webhookInput.webhookRefSchema),
  "webhook.deliveries": query(team("ADMIN"), webhookInput.listDeliveriesSchema),
  "webhook.sendTest": mutation(team("ADMIN"), webhookInput.webhookRefSchema),
  "webhook.redeliver": mutation(team("ADMIN"), webhookInput.redeliverSchema),
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
