export type { CreatePrismaClientOptions, Database } from "./client";
export {
  createPrismaClient,
  DatabaseUrlError,
  disconnectDb,
  getDb,
  parseDatabaseUrl,
  poolStats,
  readPoolSize,
} from "./client";
export { addMember, type CreateTeamInput, createTeam, createUser } from "./factories";
export type {
  Account,
  Membership,
  Session,
  Team,
  User,
  VerificationToken,
  WebhookFormat,
} from "./generated/prisma/client";
export { Prisma, PrismaClient, Role } from "./generated/prisma/client";
export {
  DEMO_ACCOUNT_WARNING,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  DEMO_TEAM_SLUG,
  demoAccountExists,
  type SeedDemoOptions,
  type SeedDemoResult,
  type StartupSeedResult,
  seedDemo,
  seedForStartup,
} from "./seed";
export { type SqlRunner, type Statement, sql, statement } from "./sql";
export * as statements from "./statements";
