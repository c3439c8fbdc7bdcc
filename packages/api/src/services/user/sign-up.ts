import { Prisma, type PrismaClient } from "@tradeoff/db";
import { DomainError } from "../../errors";
import type { SignUpInput } from "../../schemas/auth";

const emailTaken = () =>
  new DomainError("CONFLICT", "An account with this email already exists.", {
    email: ["An account with this email already exists. Sign in instead."],
  });

export async function signUp(
  db: PrismaClient,
  input: SignUpInput,
  hashPassword: (plain: string) => Promise<string>,
) {
  const existing = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true },
  });
  if (existing) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { name: input.name, email: input.email, passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw emailTaken();
    }
    throw error;
  }
}
