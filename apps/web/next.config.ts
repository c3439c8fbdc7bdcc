import type { NextConfig } from "next";
import { securityHeaders } from "./security-headers";

const nextConfig: NextConfig = {
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
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
