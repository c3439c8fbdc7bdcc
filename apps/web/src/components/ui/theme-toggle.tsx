import { Moon, Sun } from "lucide-react";
import { ThemeMenuButton } from "./theme-menu-button";

/**
 * Light, dark or follow the system; the choice is remembered on this device. A server component:
 * only the menu around the button is client code.
 */
export function ThemeToggle({ className }: { className?: string }) {
  return (
    <ThemeMenuButton className={className}>
      {/* The icon follows the applied class, so server and client render the same markup. */}
      <Sun aria-hidden="true" className="dark:hidden" />
      <Moon aria-hidden="true" className="hidden dark:block" />
    </ThemeMenuButton>
  );
}
