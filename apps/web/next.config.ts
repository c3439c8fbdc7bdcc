import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";
import { securityHeaders } from "./security-headers";

/**
 * The file `import "@trpc/client"` loads (its package.json's `exports["."].import`), relative to
 * this directory as Turbopack's aliases want it.
 */
function trpcClientEntry(): string {
  const manifest = createRequire(import.meta.url).resolve("@trpc/client/package.json");
  const { exports } = JSON.parse(readFileSync(manifest, "utf8")) as {
    exports: { ".": { import: { default: string } } };
  };
  const entry = join(dirname(manifest), exports["."].import.default);
  return `./${relative(dirname(fileURLToPath(import.meta.url)), entry)}`;
}

const nextConfig: NextConfig = {
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  turbopack: {
    resolveAlias: {
      // Pages load @trpc/client's code once they have hydrated, not with the page. In the
      // browser, "@trpc/client" is the stand-in that @trpc/tanstack-react-query gets (see
      // src/trpc/client.browser.ts) and "@trpc/server" only the helpers browser code uses (see
      // src/trpc/server.browser.ts); src/trpc/links.ts, loaded after the page, imports
      // the real @trpc/client as "trpc-client-impl".
      "@trpc/client": { browser: "./src/trpc/client.browser.ts" },
      "@trpc/server": { browser: "./src/trpc/server.browser.ts" },
      "trpc-client-impl": trpcClientEntry(),
    },
  },
  // Workspace packages ship TypeScript source, so Next compiles them with the app.
  transpilePackages: [
    "@tradeoff/api",
    "@tradeoff/auth",
    "@tradeoff/db",
    "@tradeoff/scoring",
    "@tradeoff/templates",
  ],
  // Native drivers, WebAssembly and worker-thread loggers must be required at runtime, not bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "pino"],
};

export default nextConfig;
