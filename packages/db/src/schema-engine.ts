import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";

type SchemaEngineModule = typeof import("@prisma/schema-engine-wasm");
type WasmExports = Record<string, unknown>;

// The compiler's lib setting has no WebAssembly typings; this is the slice we use.
const { WebAssembly: wasmRuntime } = globalThis as unknown as {
  WebAssembly: {
    instantiate(
      bytes: Uint8Array,
      imports: Record<string, object>,
    ): Promise<{ instance: { exports: WasmExports } }>;
  };
};

let loading: Promise<SchemaEngineModule> | undefined;

/**
 * Loads Prisma's WebAssembly schema engine. The package imports its .wasm as an ES module, which
 * Node 20 only allows behind --experimental-wasm-modules, so we instantiate it ourselves.
 */
function loadSchemaEngine(): Promise<SchemaEngineModule> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = (await import(pathToFileURL(bgPath).href)) as SchemaEngineModule & {
      __wbg_set_wasm(exports: WasmExports): void;
    };
    const bytes = await readFile(join(dirname(bgPath), "schema_engine_bg.wasm"));
    // The engine arms guard timers (e.g. around the migration lock) and never clears them; unref
    // them so a finished migration does not keep the process alive for their full duration.
    const imports: Record<string, unknown> = { ...bg };
    for (const name of Object.keys(imports)) {
      if (name.startsWith("__wbg_setTimeout_")) {
        imports[name] = (callback: () => void, ms: number) =>
          setTimeout(callback, ms >>> 0).unref();
      }
    }
    const { instance } = await wasmRuntime.instantiate(bytes, { "./schema_engine_bg.js": imports });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

// One engine operation at a time per process: the engines share one WebAssembly instance.
let queue: Promise<unknown> = Promise.resolve();

/**
 * A stand-in database for diffs between two datamodels, which need no database: the engine only
 * asks for the server version when it starts. Anything else is a bug in the caller.
 */
function offlineAdapterFactory(): SqlMigrationAwareDriverAdapterFactory {
  const refuse = (): never => {
    throw new Error("This schema engine operation needs a database connection.");
  };
  const adapter: SqlDriverAdapter = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async queryRaw(query) {
      if (!query.sql.includes("server_version_num")) refuse();
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, "PostgreSQL 15.0", 150000]],
      };
    },
    executeRaw: async () => refuse(),
    executeScript: async () => refuse(),
    startTransaction: async () => refuse(),
    dispose: async () => {},
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => adapter,
    connectToShadowDb: async () => refuse(),
  };
}

/**
 * Runs `work` with a schema engine connected to `url` (or to nothing, for datamodel-only diffs)
 * and releases the engine and its connections afterwards.
 */
export function withSchemaEngine<T>(
  options: { url?: string; schema: string },
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const run = async () => {
    const wasm = await loadSchemaEngine();
    const { url } = options;
    const pool = url
      ? new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 5_000 })
      : undefined;
    pool?.on("error", () => {});
    const factory = pool ? new PrismaPg(pool) : offlineAdapterFactory();
    const engine = await wasm.SchemaEngine.new(
      { datamodels: [["schema.prisma", options.schema]] },
      () => {},
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    try {
      return await work(engine);
    } finally {
      engine.free();
      await pool?.end().catch(() => {});
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => {});
  return result;
}
