import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root";

export {
  DATABASE_UNAVAILABLE_MESSAGE,
  internalErrorMessage,
  isDatabaseUnavailable,
} from "./database-errors";
export { DomainError } from "./errors";
export { realtimeStats, startRealtime, stopRealtime } from "./realtime";
export { type AppRouter, appRouter, createCaller } from "./root";
export type { ProjectEventType } from "./services/project/events";
export { type Context, createContextInner, type ProcedureCall } from "./trpc";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export {
  appJobs,
  type EmailSettings,
  type NotificationMailer,
  type WebhookSettings,
} from "./jobs";
