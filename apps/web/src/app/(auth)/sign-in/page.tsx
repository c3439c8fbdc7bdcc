import { enabledProviders } from "@tradeoff/auth";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { authEnv } from "~/env";
import { getSessionUser } from "~/server/auth";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  const safeCallback =
    callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  if (await getSessionUser()) redirect(safeCallback);
  const providers = enabledProviders(authEnv());
  return (
    <SignInForm
      callbackUrl={safeCallback}
      github={providers.github}
      email={providers.email}
      providerError={error && error !== "CredentialsSignin" ? error : undefined}
    />
  );
}
