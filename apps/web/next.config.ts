import type { NextConfig } from "next";
import { baseSecurityHeaders, securityHeaders } from "./security-headers";

const nextConfig: NextConfig = {
  async headers() {
    // Pages get their Content-Security-Policy, with this request's nonce, from `src/proxy.ts`;
    // what is not a page gets the policy without inline scripts. A response must not carry two
    // policies: the browser would enforce both.
    const noInlineScripts = securityHeaders.filter((h) => !baseSecurityHeaders.includes(h));
    return [
      { source: "/:path*", headers: baseSecurityHeaders },
      { source: "/api/:path*", headers: noInlineScripts },
      { source: "/_next/:path*", headers: noInlineScripts },
      { source: "/icon.svg", headers: noInlineScripts },
    ];
  },
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  // Workspace packages ship TypeScript source, so Next compiles them with the app.
  transpilePackages: [
    "@tradeoff/api",
    "@tradeoff/auth",
    "@tradeoff/db",
    "@tradeoff/scoring",
    "@tradeoff/templates",
  ],
  // Native drivers, WebAssembly and worker-thread loggers must be required at runtime, not bundled.
  serverExternalPackages: ["pg", "pg-boss", "@prisma/adapter-pg", "@electric-sql/pglite", "pino"],
};

export default nextConfig;
