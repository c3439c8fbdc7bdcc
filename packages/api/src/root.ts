import { accountRouter } from "./routers/account";
import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { commentRouter } from "./routers/comment";
import { dashboardRouter } from "./routers/dashboard";
import { draftRouter } from "./routers/draft";
import { exportRouter } from "./routers/export";
import { historyRouter } from "./routers/history";
import { invitationRouter } from "./routers/invitation";
import { liveRouter } from "./routers/live";
import { memberRouter } from "./routers/member";
import { notificationRouter } from "./routers/notification";
import { projectRouter } from "./routers/project";
import { recordRouter } from "./routers/record";
import { shareRouter } from "./routers/share";
import { tagRouter } from "./routers/tag";
import { teamRouter } from "./routers/team";
import { templateRouter } from "./routers/template";
import { tokenRouter } from "./routers/token";
import { voteRouter } from "./routers/vote";
import { webhookRouter } from "./routers/webhook";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  audit: auditRouter,
  auth: authRouter,
  comment: commentRouter,
  dashboard: dashboardRouter,
  draft: draftRouter,
  export: exportRouter,
  history: historyRouter,
  invitation: invitationRouter,
  live: liveRouter,
  member: memberRouter,
  notification: notificationRouter,
  project: projectRouter,
  record: recordRouter,
  share: shareRouter,
  tag: tagRouter,
  team: teamRouter,
  template: templateRouter,
  token: tokenRouter,
  vote: voteRouter,
  webhook: webhookRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process: server components and integration tests. */
export const createCaller = createCallerFactory(appRouter);
