import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { returnPath } from "~/lib/return-path";
import { getSessionUser } from "~/server/auth";
import { emailConfigured } from "~/server/jobs";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignUpPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  // Only paths of this app: an open redirect would let a link send people elsewhere.
  const safeCallback = returnPath(callbackUrl);
  if (await getSessionUser()) redirect(safeCallback);
  return <SignUpForm callbackUrl={safeCallback} emailed={emailConfigured()} />;
}
