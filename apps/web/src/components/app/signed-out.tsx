import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "~/components/app/logo";
import { Alert } from "~/components/ui/alert";
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from "~/components/ui/card";
import { ThemeToggle } from "~/components/ui/theme-toggle";

/**
 * The frame of a page someone may see signed out (sign-in, sign-up, an invitation): the logo
 * home and the theme toggle above one card in the middle.
 */
export function SignedOutFrame({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      {/* On a phone the card fills the width: the logo and the toggle line up with its edges. */}
      <header className="flex items-center justify-between px-6 py-4 max-sm:px-4">
        <Link
          href="/"
          className="rounded-md focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <Logo />
        </Link>
        <ThemeToggle />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-10 pb-16 sm:pt-20">
        {children}
      </main>
    </div>
  );
}

/** A signed-out card's heading: the page's title (its h1) and what it is for. */
export function CardHeading({ title, description }: { title: ReactNode; description?: ReactNode }) {
  return (
    <CardHeader>
      <CardTitle as="h1">{title}</CardTitle>
      {description ? <CardDescription>{description}</CardDescription> : null}
    </CardHeader>
  );
}

/**
 * The card of the sign-in and sign-up forms: the heading, what went wrong, the form, and under
 * it a link to the other of the two pages ("New here? Create an account").
 */
export function AuthFormCard({
  title,
  description,
  error,
  other,
  children,
}: {
  title: string;
  description: string;
  error: string | null | undefined;
  other: { question: string; href: string; link: string };
  children: ReactNode;
}) {
  return (
    <Card>
      <CardHeading title={title} description={description} />
      <CardContent className="space-y-4">
        {error ? <Alert variant="error">{error}</Alert> : null}
        {children}
      </CardContent>
      <CardFooter className="flex-wrap text-muted-foreground text-sm">
        {`${other.question}\u00a0`}
        <Link
          className="inline-flex min-h-6 items-center font-medium text-foreground underline underline-offset-4"
          href={other.href}
        >
          {other.link}
        </Link>
      </CardFooter>
    </Card>
  );
}
