"use client";

import { ThemeProvider } from "next-themes";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "~/trpc/react";

/**
 * Client-side context for the whole app: theme, then data fetching. `nonce` is the request's
 * script nonce, for the theme's inline script (the page's Content-Security-Policy needs it).
 */
export function Providers({
  children,
  nonce,
}: {
  children: ReactNode;
  nonce?: string | undefined;
}) {
  return (
    <ThemeProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
      nonce={nonce}
    >
      <TRPCReactProvider>{children}</TRPCReactProvider>
    </ThemeProvider>
  );
}

// Every route also loads its not-found and error boundaries, and Turbopack chunks each of them
// on its own, apart from the layouts under the root: a module one of them shares with such a
// layout (next/link with the app header, the button classes with every button) would be
// downloaded twice on the same page. Imported from here, the root layout's client module, they
// come once, with the root layout's chunk.
export { default as Link } from "next/link";
export { ErrorScreen } from "~/components/ui/error-screen";
