"use client";

import { useTheme } from "next-themes";
import { type CSSProperties, useEffect } from "react";
import { Toaster as Sonner } from "sonner";

// Sonner reads its colours from these variables; point them at the theme tokens.
const themeVariables = {
  "--normal-bg": "var(--popover)",
  "--normal-text": "var(--popover-foreground)",
  "--normal-border": "var(--border)",
  "--border-radius": "var(--radius-lg)",
} as CSSProperties;

/**
 * The toast region; loaded by `Toaster` in ./toaster.tsx after the page. `onListening` is called
 * once it listens for toasts.
 */
export function SonnerToaster({ onListening }: { onListening: () => void }) {
  const { resolvedTheme } = useTheme();
  // Sonner subscribes in its own effect, which runs before this one: toasts are safe from here.
  useEffect(() => onListening(), [onListening]);
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
