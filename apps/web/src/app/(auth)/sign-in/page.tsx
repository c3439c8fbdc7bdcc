import { enabledProviders } from "@tradeoff/auth";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { authEnv } from "~/env";
import { returnPath, signUpPath } from "~/lib/return-path";
import { getSessionUser } from "~/server/auth";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = {
  searchParams: Promise<{ callbackUrl?: string; error?: string; email?: string }>;
};

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error, email: givenEmail } = await searchParams;
  const safeCallback = returnPath(callbackUrl);
  if (await getSessionUser()) redirect(safeCallback);
  const providers = enabledProviders(authEnv());
  return (
    <SignInForm
      callbackUrl={safeCallback}
      signUpHref={signUpPath(safeCallback)}
      github={providers.github}
      email={providers.email}
      providerError={error && error !== "CredentialsSignin" ? error : undefined}
      // The welcome email's link names the address, so only the password is left to type.
      defaultEmail={typeof givenEmail === "string" ? givenEmail.slice(0, 254) : undefined}
    />
  );
}
