"use client";

import type { ReactElement } from "react";
import { Deferred } from "./deferred";

const loadThemeMenu = () => import("./theme-menu").then((m) => m.ThemeMenu);

/** The theme menu around its button, which ThemeToggle renders on the server. */
export function ThemeMenuButton({ trigger }: { trigger: ReactElement }) {
  return (
    <Deferred load={loadThemeMenu} popup="menu" trigger={trigger}>
      {(ThemeMenu, menu) => <ThemeMenu {...menu} />}
    </Deferred>
  );
}
