import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createTRPCRecursiveProxy,
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  isTrackedEnvelope,
} from "@trpc/server";
import { describe, expect, it } from "vitest";
import * as clientStandIn from "./client.browser";
import { LazyUntypedClient } from "./lazy-client";
import * as serverStandIn from "./server.browser";

/** The names a package's ES modules import from `source` (`import { a, b as c } from "source"`). */
function namesImported(pkg: string, source: string): string[] {
  const dist = dirname(fileURLToPath(import.meta.resolve(pkg)));
  const files = readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((file) =>
    file.endsWith(".mjs"),
  );
  const pattern = new RegExp(`import\\s*{([^}]*)}\\s*from\\s*"${source}"`, "g");
  const names = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(join(dist, file), "utf8").matchAll(pattern)) {
      for (const name of (match[1] ?? "").split(",")) {
        const imported = name.trim().split(/\s+as\s+/)[0];
        if (imported) names.add(imported);
      }
    }
  }
  return [...names].sort();
}

// The browser bundle replaces "@trpc/client" and "@trpc/server" with these modules
// (next.config.ts). A tRPC upgrade that imports another name from them fails the build; these
// tests say which name and why.
describe("the browser's @trpc/client", () => {
  it("exports every name @trpc/tanstack-react-query imports from @trpc/client", () => {
    const names = namesImported("@trpc/tanstack-react-query", "@trpc/client");
    expect(names).toEqual(["TRPCUntypedClient", "getUntypedClient"]);
    for (const name of names) expect(clientStandIn).toHaveProperty(name);
  });

  it("makes the options proxy call the app's client directly", () => {
    const client = new LazyUntypedClient();
    expect(client).toBeInstanceOf(clientStandIn.TRPCUntypedClient);
    expect(clientStandIn.getUntypedClient(client)).toBe(client);
    expect(() => clientStandIn.getUntypedClient({})).toThrow(/LazyUntypedClient/);
  });
});

describe("the browser's @trpc/server", () => {
  it("exports every name the tRPC browser packages import from @trpc/server", () => {
    const names = [
      ...namesImported("@trpc/tanstack-react-query", "@trpc/server"),
      ...namesImported("@trpc/client", "@trpc/server"),
    ];
    expect(names.sort()).toEqual([
      "callTRPCProcedure",
      "createTRPCRecursiveProxy",
      "getTRPCErrorFromUnknown",
      "getTRPCErrorShape",
      "isTrackedEnvelope",
    ]);
    for (const name of names) expect(serverStandIn).toHaveProperty(name);
  });

  it("re-exports @trpc/server's own helpers, except running procedures in-process", () => {
    expect(serverStandIn.createTRPCRecursiveProxy).toBe(createTRPCRecursiveProxy);
    expect(serverStandIn.getTRPCErrorFromUnknown).toBe(getTRPCErrorFromUnknown);
    expect(serverStandIn.getTRPCErrorShape).toBe(getTRPCErrorShape);
    expect(serverStandIn.isTrackedEnvelope).toBe(isTrackedEnvelope);
    expect(() => serverStandIn.callTRPCProcedure()).toThrow(/server only/);
  });
});
