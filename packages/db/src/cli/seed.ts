// `npm run seed -w @tradeoff/db`: seeds the demo user and team into DATABASE_URL.
// The db package cannot import the auth package (dependencies flow auth -> db), so this command
// hashes with scrypt in the self-describing format auth verifies (`scrypt$N$r$p$salt$hash`,
// parameters read back from the hash). `npm start` and `npm run dev` seed with auth's own hasher.
import { randomBytes, scrypt } from "node:crypto";
import { createPrismaClient, parseDatabaseUrl } from "../client";
import { seedDemo } from "../seed";

const N = 2 ** 15;
const R = 8;
const P = 1;

function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) => {
    scrypt(password, salt, 32, { N, r: R, p: P, maxmem: 256 * N * R }, (error, key) =>
      error
        ? reject(error)
        : resolve(["scrypt", N, R, P, salt.toString("base64"), key.toString("base64")].join("$")),
    );
  });
}

const url = process.env.DATABASE_URL;
try {
  parseDatabaseUrl(url);
  const db = createPrismaClient(url as string, { poolSize: 2 });
  try {
    const password = process.argv[2];
    const result = await seedDemo(db, { hashPassword, password });
    console.log(
      result.created
        ? `Demo user created: ${result.email} / ${result.password}, team "${result.teamSlug}".`
        : `Demo data already present (${result.email}, team "${result.teamSlug}"); left unchanged.`,
    );
  } finally {
    await db.$disconnect();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
