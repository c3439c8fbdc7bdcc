"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from "~/components/ui/card";
import { FormField } from "~/components/ui/form-field";
import { Input } from "~/components/ui/input";
import { fieldErrorsOf, messageOf } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

export function SignUpForm({ callbackUrl = "/" }: { callbackUrl?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  // The server answers alike for a new and an already used email; only signing in tells.
  const [nextStep, setNextStep] = useState<string | null>(null);
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const signInHref =
    callbackUrl === "/" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  const fields = fieldErrorsOf(signUp.error);
  const generalError =
    signUp.error && Object.keys(fields).length === 0 ? messageOf(signUp.error) : null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    setNextStep(null);
    const answer = await signUp.mutateAsync(input).catch(() => null);
    if (!answer) return;
    const result = await signIn("credentials", {
      email: input.email,
      password: input.password,
      redirect: false,
    });
    if (result?.error) {
      setNextStep(answer.message);
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Create your account</CardTitle>
        <CardDescription>Then create a team and open your first decision.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {generalError ? <Alert variant="error">{generalError}</Alert> : null}
        {nextStep ? (
          <Alert variant="info">
            {nextStep} <Link href={signInHref}>Sign in</Link>
          </Alert>
        ) : null}
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <FormField label="Name" required error={fields.name?.[0]}>
            <Input name="name" autoComplete="name" maxLength={80} required autoFocus />
          </FormField>
          <FormField label="Email" required error={fields.email?.[0]}>
            <Input name="email" type="email" autoComplete="email" required />
          </FormField>
          <FormField
            label="Password"
            required
            description="At least 8 characters."
            error={fields.password?.[0]}
          >
            <Input name="password" type="password" autoComplete="new-password" required />
          </FormField>
          <Button type="submit" className="w-full" loading={signUp.isPending}>
            Create account
          </Button>
        </form>
      </CardContent>
      <CardFooter className="text-muted-foreground text-sm">
        Already have an account?&nbsp;
        <Link
          className="font-medium text-foreground underline underline-offset-4"
          href={signInHref}
        >
          Sign in
        </Link>
      </CardFooter>
    </Card>
  );
}
