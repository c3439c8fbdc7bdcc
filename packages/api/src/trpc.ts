/**
 * The building blocks of the Tradeoff API. Routers import only what is exported here.
 *
 * 1. Context: what every procedure receives (the database and the signed-in user, if any).
 * 2. Initialisation: error shaping (field-level validation messages). The wire format is plain
 *    JSON, with no transformer: dates travel as ISO strings (docs/ARCHITECTURE.md).
 * 3. Procedures: `publicProcedure`, `protectedProcedure` (signed-in users only), and the
 *    one team access mechanism: `teamProcedure(minRole)` for inputs with a `teamId`,
 *    `projectProcedure(minRole)` for inputs with a `projectId`.
 */
import type { SessionUser } from "@tradeoff/auth";
import type { AttemptLimiter } from "@tradeoff/auth/attempt-limiter";
import { type PrismaClient, type Statement, statements } from "@tradeoff/db";
import { initTRPC, type TRPC_ERROR_CODE_KEY, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  databaseUnavailableError,
  internalErrorMessage,
  isDatabaseUnavailable,
  isUnstorableText,
  OutcomeUnknownError,
  UNSTORABLE_TEXT_ERROR_MESSAGE,
} from "./database-errors";
import { hasRole, type Role } from "./domain/roles";
import { DomainError, type DomainErrorKind } from "./errors";
import "./schemas/messages";
import { sessionCurrent } from "./session-current";

// 1. Context
export type Context = {
  db: PrismaClient;
  user: SessionUser | null;
  /**
   * How `user` was proven: a signed-in browser session, or a personal access token (the CLI,
   * scripts). Tokens act for their owner on decisions only: never on the account, its
   * memberships or a team's administration (procedures marked `sessionOnly`).
   */
  credential: "session" | "token" | null;
  /**
   * Whether this deployment sends email (SMTP configured): invitation emails are queued only
   * then; otherwise admins copy the link.
   */
  emailEnabled: boolean;
  /** The app's own address (https://tradeoff.example.com), for links in emails. */
  appUrl: string | null;
  /** NEXTAUTH_SECRET: encrypts webhook signing secrets (null: webhooks cannot be created). */
  secret: string | null;
  /** Told about every procedure call once it is answered (the web server's metrics). */
  onCall: ((call: ProcedureCall) => void) | null;
  /** The id on the request's log lines: a failure's answer carries it, so it can be found. */
  requestId: string | null;
  /**
   * A member's edits to one criterion within this many seconds of their first fold into one
   * history entry (HISTORY_FOLD_SECONDS; 0 keeps every edit as its own entry).
   */
  historyFoldSeconds: number;
  /**
   * The client's address (the connection's own, or what TRUST_PROXY's proxies report), and the
   * limit on sign-ups from it. The HTTP handlers set both; callers in the same process (tests,
   * scripts) may leave them null, and are then not limited.
   */
  clientAddress: string | null;
  signUpLimiter: AttemptLimiter | null;
};

/** The history's folding window when the deployment sets none: two minutes. */
export const DEFAULT_HISTORY_FOLD_SECONDS = 120;

/**
 * One answered procedure call: `code` is null on success, else the tRPC error code. `meta` is
 * the access rule its procedure factory recorded (the isolation sweep compares it with the
 * procedure list, src/procedures.ts).
 */
export type ProcedureCall = {
  path: string;
  type: string;
  seconds: number;
  code: string | null;
  meta: ProcedureMeta;
};

/** Builds a context from explicit values: used by the HTTP handler and by tests through `createCaller`. */
export function createContextInner(opts: {
  db: PrismaClient;
  user: SessionUser | null;
  /** Default: "session" when there is a user. */
  credential?: "session" | "token";
  emailEnabled?: boolean;
  appUrl?: string | null;
  secret?: string | null;
  onCall?: ((call: ProcedureCall) => void) | null;
  requestId?: string | null;
  historyFoldSeconds?: number;
  clientAddress?: string | null;
  signUpLimiter?: AttemptLimiter | null;
}): Context {
  return {
    db: opts.db,
    user: opts.user,
    credential: opts.user ? (opts.credential ?? "session") : null,
    emailEnabled: opts.emailEnabled ?? false,
    appUrl: opts.appUrl ?? null,
    secret: opts.secret ?? null,
    onCall: opts.onCall ?? null,
    requestId: opts.requestId ?? null,
    historyFoldSeconds: opts.historyFoldSeconds ?? DEFAULT_HISTORY_FOLD_SECONDS,
    clientAddress: opts.clientAddress ?? null,
    signUpLimiter: opts.signUpLimiter ?? null,
  };
}

// 2. Initialisation
/**
 * Why a 503 was answered, for clients that act on it: the database was not answering (nothing
 * was saved), or the connection dropped during the commit (it may have been saved; retrying a
 * vote is safe either way).
 */
export type FailureReason = "DATABASE_UNAVAILABLE" | "OUTCOME_UNKNOWN" | null;

function failureReason(error: TRPCError): FailureReason {
  if (error.cause instanceof OutcomeUnknownError) return "OUTCOME_UNKNOWN";
  return error.code === "SERVICE_UNAVAILABLE" ? "DATABASE_UNAVAILABLE" : null;
}

/**
 * Who may call a procedure. Read by the isolation test, which proves every procedure
 * refuses signed-out callers, other teams and roles below `minRole`.
 */
export type ProcedureMeta = {
  access?: { scope: "public" | "user" | "team" | "project"; minRole?: Role };
  /**
   * Not decision work (the account, its memberships, a team's administration): a signed-in
   * browser session only, never an access token (and so not served over REST).
   */
  sessionOnly?: true;
};

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error, ctx }) {
      const requestId = ctx?.requestId ?? null;
      // A database outage before any procedure ran (creating the context) is still a 503.
      if (error.code === "INTERNAL_SERVER_ERROR" && isDatabaseUnavailable(error.cause)) {
        return {
          ...shape,
          message: DATABASE_UNAVAILABLE_MESSAGE,
          data: {
            code: "SERVICE_UNAVAILABLE" as const,
            httpStatus: 503,
            path: shape.data.path,
            fieldErrors: null,
            requestId,
            reason: "DATABASE_UNAVAILABLE" as FailureReason,
          },
        };
      }
      // An unexpected failure's own message can name files, queries or the runtime's limits
      // ("Maximum call stack size exceeded"): say only that it failed, and where to look.
      const unexpected =
        error.code === "INTERNAL_SERVER_ERROR" && !(error.cause instanceof DomainError);
      const zodError = error.cause instanceof ZodError ? error.cause : null;
      const flat = zodError ? z.flattenError(zodError) : null;
      const fieldErrors = flat
        ? (flat.fieldErrors as Record<string, string[] | undefined>)
        : error.cause instanceof DomainError
          ? error.cause.fieldErrors
          : undefined;
      // An input that is no object at all (null, a list, a number) has no field to name. Other
      // issues without a path (a refinement of the whole input) keep the general message.
      const notAnObject =
        zodError?.issues.some(
          (issue) => issue.path.length === 0 && issue.code === "invalid_type",
        ) ?? false;
      // A body the JSON parser refused: the parser's words say where, not what to do.
      const notJson = error.code === "BAD_REQUEST" && error.cause instanceof SyntaxError;
      return {
        ...shape,
        message: flat
          ? notAnObject
            ? "The input must be an object of named fields (JSON); this one is not."
            : "Some fields need attention."
          : notJson
            ? `The body is not valid JSON (${error.cause.message}). Send the input as one JSON object.`
            : unexpected
              ? internalErrorMessage(requestId)
              : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          fieldErrors: fieldErrors ?? null,
          requestId,
          reason: failureReason(error),
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** The tRPC code (and so the HTTP status) of each kind of refusal a service may throw. */
const DOMAIN_ERROR_CODES: Record<DomainErrorKind, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
};

/**
 * The one place service errors become tRPC errors: a `DomainError` gets its kind's code and
 * keeps its message, and a database that is down or dropped the connection answers
 * SERVICE_UNAVAILABLE (503, nothing was saved).
 */
function mapDomainErrors<R extends { ok: boolean; error?: TRPCError }>(result: R): R {
  if (result.ok || !result.error) return result;
  const { error } = result;
  if (error.cause instanceof DomainError) {
    const cause = error.cause;
    throw new TRPCError({ code: DOMAIN_ERROR_CODES[cause.kind], message: cause.message, cause });
  }
  if (error.cause instanceof OutcomeUnknownError) {
    throw new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: error.cause.message,
      cause: error.cause,
    });
  }
  if (error.code === "INTERNAL_SERVER_ERROR" && isDatabaseUnavailable(error.cause)) {
    throw databaseUnavailableError(error.cause);
  }
  if (error.code === "INTERNAL_SERVER_ERROR" && isUnstorableText(error.cause)) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: UNSTORABLE_TEXT_ERROR_MESSAGE,
      cause: error.cause,
    });
  }
  return result;
}

/**
 * Runs a procedure's middleware body, maps its errors, and tells `ctx.onCall` how the call
 * ended and how long it took.
 */
async function settle<R extends { ok: boolean; error?: TRPCError }>(
  opts: { ctx: Context; path: string; type: string; meta: ProcedureMeta | undefined },
  body: () => Promise<R>,
): Promise<R> {
  const { onCall } = opts.ctx;
  if (!onCall) return mapDomainErrors(await body());
  const started = performance.now();
  let code: string | null = "INTERNAL_SERVER_ERROR";
  try {
    const result = mapDomainErrors(await body());
    code = result.ok ? null : (result.error?.code ?? code);
    return result;
  } catch (error) {
    if (error instanceof TRPCError) code = error.code;
    throw error;
  } finally {
    onCall({
      path: opts.path,
      type: opts.type,
      seconds: (performance.now() - started) / 1000,
      code,
      meta: opts.meta ?? {},
    });
  }
}

// 3. Procedures
//
// Every procedure runs one middleware of its own before its input schema and resolver: the
// signed-in check, the access check of its scope, the error mapping and the call's report
// together. Each middleware layer costs every call a copy of its options, and reads are most
// of the traffic.

export const publicProcedure = t.procedure.use((opts) => settle(opts, () => opts.next()));

const signedOut = () => new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });

/** The signed-in user, or UNAUTHORIZED. Whether the session is still current is checked apart. */
function signedIn(ctx: Context): SessionUser {
  if (!ctx.user) throw signedOut();
  return ctx.user;
}

/** A database that is down answers SERVICE_UNAVAILABLE from an access check too. */
function accessQueryFailed(error: unknown): never {
  throw isDatabaseUnavailable(error) ? databaseUnavailableError(error) : error;
}

/**
 * Signed-in users only; narrows `ctx.user` so handlers never check it again. One small query
 * proves the session is current (see sessionCurrent): a session ended elsewhere stops working
 * on its next request.
 */
export const protectedProcedure = t.procedure.meta({ access: { scope: "user" } }).use((opts) =>
  settle(opts, async () => {
    const { ctx, next } = opts;
    const user = signedIn(ctx);
    const [current] = await statements
      .sessionVersion(ctx.db, { userId: user.id, sessionId: user.sessionId })
      .catch(accessQueryFailed);
    if (!current || !sessionCurrent(user, current)) throw signedOut();
    return next({ ctx: { user } });
  }),
);

/**
 * What a personal access token is told when it calls something that is not decision work. A
 * leaked or scripted token must not mint tokens that outlive it, lock its owner out, delete the
 * account, nor change who is in a team, what they may do there, or where its data goes.
 */
const TOKEN_REFUSALS = {
  account:
    "Access tokens cannot manage the account (its name, password, sessions, settings or tokens). Sign in to Tradeoff in the browser and do this under Account.",
  team: "Access tokens cannot manage teams (members, roles, invitations, webhooks, settings, joining or leaving): they act on decisions only. Sign in to Tradeoff in the browser and do this there.",
} as const;

function refuseTokens(ctx: Context, about: keyof typeof TOKEN_REFUSALS) {
  if (ctx.credential !== "session") {
    throw new TRPCError({ code: "FORBIDDEN", message: TOKEN_REFUSALS[about] });
  }
}

/**
 * The account itself (its tokens, password, sessions, name, settings, deletion): a signed-in
 * session only. The password and deletion also ask for the current password.
 */
export const sessionProcedure = protectedProcedure
  .meta({ sessionOnly: true })
  .use(({ ctx, next }) => {
    refuseTokens(ctx, "account");
    return next();
  });

/**
 * The account's memberships (creating a team, joining one by an invitation): a signed-in
 * session only, like every team's administration (see `teamProcedure`).
 */
export const membershipProcedure = protectedProcedure
  .meta({ sessionOnly: true })
  .use(({ ctx, next }) => {
    refuseTokens(ctx, "team");
    return next();
  });

/** A team's administration: what needs the admin role or higher is never decision work. */
const administers = (minRole: Role) => hasRole(minRole, "ADMIN");

const forbidden = (minRole: Role) =>
  new TRPCError({
    code: "FORBIDDEN",
    message: `This needs the ${minRole.toLowerCase()} role or higher in the team.`,
  });
const teamNotFound = () => new TRPCError({ code: "NOT_FOUND", message: "Team was not found." });
const projectNotFound = () =>
  new TRPCError({ code: "NOT_FOUND", message: "Decision project was not found." });

/** A scoped procedure's metadata: its access rule, and whether it refuses access tokens. */
function scopedMeta(access: ProcedureMeta["access"], sessionOnly: boolean): ProcedureMeta {
  return sessionOnly ? { access, sessionOnly: true } : { access };
}

/**
 * The verdict on the row a team or project access check read: a session ended elsewhere is
 * signed out; no row (not a member, or another team's record) is `notFound`, never revealing it
 * exists; a role below `minRole` is FORBIDDEN.
 */
function admitted<A extends { role: Role; tokenVersion: number; sessionLive: boolean }>(
  user: SessionUser,
  access: A | undefined,
  minRole: Role,
  notFound: () => TRPCError,
): A {
  if (access && !sessionCurrent(user, access)) throw signedOut();
  if (!access) throw notFound();
  if (!hasRole(access.role, minRole)) throw forbidden(minRole);
  return access;
}

/** Record ids are short runs of letters, digits, dashes and underscores (cuids and the like). */
const recordId = (what: string) =>
  z
    .string({ error: `Say which ${what}.` })
    .min(1, { error: `Say which ${what}.` })
    .max(64, { error: `That is not a ${what} id.` })
    .regex(/^[A-Za-z0-9_-]+$/, { error: `That is not a ${what} id.` });
const teamInput = z.object({ teamId: recordId("team") });
const projectInput = z.object({ projectId: recordId("project") });

/**
 * The caller of a team- or project-scoped procedure and the id its access check needs. A
 * signed-out caller, and an access token where `sessionOnly`, are refused before anything is
 * read. The id is read from the raw input before the procedure's own schema runs (every scoped
 * procedure's schema carries it too); invalid input is refused exactly as an input schema
 * refuses it.
 */
async function scopedCaller<Scope extends object>(
  opts: { ctx: Context; getRawInput: () => Promise<unknown> },
  sessionOnly: boolean,
  scopeSchema: z.ZodType<Scope>,
): Promise<Scope & { user: SessionUser }> {
  const user = signedIn(opts.ctx);
  if (sessionOnly) refuseTokens(opts.ctx, "team");
  const parsed = scopeSchema.safeParse(await opts.getRawInput());
  if (!parsed.success) throw new TRPCError({ code: "BAD_REQUEST", cause: parsed.error });
  return { ...parsed.data, user };
}

/**
 * Team-scoped procedures: the input carries `teamId`; the caller must belong to the team
 * with at least `minRole`. Another team's id answers NOT_FOUND, never revealing it exists.
 * Handlers get `ctx.team` ({ id, role }) and must still scope their queries by `ctx.team.id`.
 * Admin-level procedures, and those marked `sessionOnly` (leaving the team), refuse access
 * tokens before anything is read.
 */
export function teamProcedure(minRole: Role, options: { sessionOnly?: true } = {}) {
  const sessionOnly = Boolean(options.sessionOnly) || administers(minRole);
  return t.procedure.meta(scopedMeta({ scope: "team", minRole }, sessionOnly)).use((opts) =>
    settle(opts, async () => {
      const { ctx, next } = opts;
      const { user, teamId } = await scopedCaller(opts, sessionOnly, teamInput);
      // The session check rides on the membership query: one round trip per request.
      const [row] = await statements
        .teamAccess(ctx.db, { teamId, userId: user.id, sessionId: user.sessionId })
        .catch(accessQueryFailed);
      const membership = admitted(user, row, minRole, teamNotFound);
      return next({ ctx: { user, team: { id: teamId, role: membership.role } } });
    }),
  );
}

/**
 * Project-scoped procedures: the input carries `projectId`; the caller must belong to the
 * project's team with at least `minRole`. Handlers get `ctx.project` ({ id, teamId }) and
 * `ctx.team` ({ id, role }). `withStamp`: the same round trip also reads the project's decision
 * stamp (`ctx.project.stamp`), for the reads served from the recommendation cache.
 */
export function projectProcedure(minRole: Role, options: { withStamp?: boolean } = {}) {
  const accessQuery: Statement<
    { projectId: string; userId: string; sessionId?: string | null },
    { teamId: string; role: Role; tokenVersion: number; sessionLive: boolean; stamp?: string }
  > = options.withStamp ? statements.projectAccessAndStamp : statements.projectAccess;
  // A team's administration (an approval rule, for one) refuses access tokens.
  const sessionOnly = administers(minRole);
  return t.procedure.meta(scopedMeta({ scope: "project", minRole }, sessionOnly)).use((opts) =>
    settle(opts, async () => {
      const { ctx, next } = opts;
      const { user, projectId } = await scopedCaller(opts, sessionOnly, projectInput);
      // The project's team, the caller's role in it and their session version: one round trip.
      const [row] = await accessQuery(ctx.db, {
        projectId,
        userId: user.id,
        sessionId: user.sessionId,
      }).catch(accessQueryFailed);
      const access = admitted(user, row, minRole, projectNotFound);
      return next({
        ctx: {
          user,
          project: {
            id: projectId,
            teamId: access.teamId,
            stamp: access.stamp,
          },
          team: { id: access.teamId, role: access.role },
        },
      });
    }),
  );
}
