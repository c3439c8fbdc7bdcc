import { FileQuestion } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonVariants } from "~/components/ui/button-variants";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 px-6 py-16 text-center">
      <div
        aria-hidden="true"
        className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground"
      >
        <FileQuestion className="size-6" />
      </div>
      <div className="grid max-w-md gap-2">
        <p className="font-medium text-muted-foreground text-sm">404</p>
        <h1 className="font-semibold text-2xl tracking-tight">Page not found</h1>
        <p className="text-muted-foreground">
          This page doesn't exist, or it was moved. If someone shared a link with you, ask them for
          a fresh one.
        </p>
      </div>
      <Link className={buttonVariants()} href="/">
        Go to your workspace
      </Link>
    </main>
  );
}
