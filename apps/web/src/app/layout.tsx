import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { EARLY_PRESS_SCRIPT } from "~/components/ui/early-press";
import { Toaster } from "~/components/ui/toaster";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tradeoff", template: "%s · Tradeoff" },
  description:
    "Team decisions, voted and explained: weigh the options on every criterion, see one recommendation with its full history, and record the decision next to your code.",
  applicationName: "Tradeoff",
  icons: { icon: { url: "/icon.svg", type: "image/svg+xml" } },
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // This request's script nonce (src/proxy.ts): the page's own inline scripts carry it.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // next-themes sets the theme class before hydration, so the attribute differs by design.
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh bg-background font-sans text-foreground antialiased">
        {/* First in the body, so a press on a trigger is remembered before the page is interactive. */}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of our own, no user data. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: EARLY_PRESS_SCRIPT }} />
        <Providers nonce={nonce}>
          {children}
          <Toaster />
        </Providers>
      </body>
    </html>
  );
}
