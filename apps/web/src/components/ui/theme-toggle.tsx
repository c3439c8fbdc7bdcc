"use client";

import { Moon, Sun } from "lucide-react";
import { Button } from "./button";
import { Deferred } from "./deferred";

const loadThemeMenu = () => import("./theme-menu").then((m) => m.ThemeMenu);

/** Light, dark or follow the system; the choice is remembered on this device. */
export function ThemeToggle({ className }: { className?: string }) {
  return (
    <Deferred
      load={loadThemeMenu}
      popup="menu"
      trigger={
        <Button variant="ghost" size="icon" aria-label="Change colour theme" className={className}>
          {/* The icon follows the applied class, so server and client render the same markup. */}
          <Sun aria-hidden="true" className="dark:hidden" />
          <Moon aria-hidden="true" className="hidden dark:block" />
        </Button>
      }
    >
      {(ThemeMenu, menu) => <ThemeMenu {...menu} />}
    </Deferred>
  );
}
