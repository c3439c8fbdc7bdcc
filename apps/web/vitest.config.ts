import { fileURLToPath } from "node:url";
import { defineConfig, mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../../vitest.shared.ts";

export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    // Components are tested in jsdom (files that say `@vitest-environment jsdom`), with React's
    // automatic JSX runtime (Next.js compiles the app's JSX itself, so tsconfig preserves it).
    test: { include: ["src/**/*.test.tsx"] },
    oxc: { jsx: { runtime: "automatic" } },
    // The app's own import alias (tsconfig's `~/*`), for components that use it.
    resolve: { alias: { "~": fileURLToPath(new URL("./src", import.meta.url)) } },
  }),
);
