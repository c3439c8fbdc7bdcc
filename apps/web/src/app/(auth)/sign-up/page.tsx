import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "~/server/auth";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await getSessionUser()) redirect("/");
  return <SignUpForm />;
}
