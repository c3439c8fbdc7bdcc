"use client";

import { useEffect } from "react";
import { ErrorScreen, Providers } from "./providers";
import "./globals.css";

/** Replaces the root layout when it fails, so it brings its own document, styles and theme. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh bg-background font-sans text-foreground antialiased">
        <title>Something went wrong · Tradeoff</title>
        <Providers>
          <ErrorScreen error={error} onRetry={retry} />
        </Providers>
      </body>
    </html>
  );
}
