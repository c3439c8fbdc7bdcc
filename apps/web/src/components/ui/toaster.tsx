"use client";

import { useTheme } from "next-themes";
import type { CSSProperties } from "react";
import { Toaster as Sonner, toast } from "sonner";

// Sonner reads its colours from these variables; point them at the theme tokens.
const themeVariables = {
  "--normal-bg": "var(--popover)",
  "--normal-text": "var(--popover-foreground)",
  "--normal-border": "var(--border)",
  "--border-radius": "var(--radius-lg)",
} as CSSProperties;

/** Mounted once in the root layout; call `toast(...)` from any client component. */
export function Toaster() {
  const { resolvedTheme } = useTheme();
  return (
    <Sonner
      theme={resolvedTheme === "dark" ? "dark" : "light"}
      position="bottom-right"
      closeButton
      style={themeVariables}
      toastOptions={{ className: "font-sans", descriptionClassName: "text-muted-foreground" }}
    />
  );
}

export { toast };
