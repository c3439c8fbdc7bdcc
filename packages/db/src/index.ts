export type { CreatePrismaClientOptions, Database } from "./client";
export {
  createPrismaClient,
  DatabaseUrlError,
  disconnectDb,
  getDb,
  parseDatabaseUrl,
} from "./client";
export type {
  Account,
  Membership,
  Session,
  Team,
  User,
  VerificationToken,
} from "./generated/prisma/client";
export { Prisma, PrismaClient, Role } from "./generated/prisma/client";
