"use client";

import type { ReactNode } from "react";
import { Button } from "./button";
import { Deferred } from "./deferred";

const loadThemeMenu = () => import("./theme-menu").then((m) => m.ThemeMenu);

/**
 * The theme menu around its button. The button is made here, in client code: Deferred adds its
 * props to it, and an element made by a server component reaches client code as a reference
 * (in development), not as an element it can add props to. Its icons (`children`) come from
 * ThemeToggle, on the server.
 */
export function ThemeMenuButton({
  className,
  children,
}: {
  className?: string | undefined;
  children: ReactNode;
}) {
  return (
    <Deferred
      load={loadThemeMenu}
      popup="menu"
      trigger={
        <Button variant="ghost" size="icon" aria-label="Change colour theme" className={className}>
          {children}
        </Button>
      }
    >
      {(ThemeMenu, menu) => <ThemeMenu {...menu} />}
    </Deferred>
  );
}
