import { defineConfig } from "prisma/config";

// DATABASE_URL is only needed by commands that talk to a database (migrate deploy, studio);
// `prisma generate` must work without it.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
