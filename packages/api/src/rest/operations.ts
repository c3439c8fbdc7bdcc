/**
 * The REST API's operations, read from the app router itself: every query and mutation a
 * personal access token may call (not subscriptions, not the public procedures that need no
 * account, not the account's own settings, which need a browser session). A query is
 * `GET /api/v1/<router>/<procedure>` with its input as query parameters; a mutation is
 * `POST /api/v1/<router>/<procedure>` with its input as a JSON body. The input schemas are the
 * procedures' own zod schemas, so a new procedure appears here, in the OpenAPI description and
 * in the documentation page without a line of its own.
 */
import { z } from "zod";
import { appRouter } from "../root";
import type { ProcedureMeta } from "../trpc";

export const REST_PREFIX = "/api/v1";

export type RestOperation = {
  /** The tRPC procedure's path, "project.list". */
  procedure: string;
  type: "query" | "mutation";
  method: "GET" | "POST";
  /** The path under /api/v1: "/project/list". */
  path: string;
  access: NonNullable<ProcedureMeta["access"]>;
  /** The input's JSON Schema (draft 2020-12, as OpenAPI 3.1 uses), or null without input. */
  inputSchema: JsonSchema | null;
};

export type JsonSchema = { [key: string]: unknown };

type ProcedureDef = {
  _def: { type: string; meta?: ProcedureMeta; inputs: z.ZodType[] };
};

/** A zod schema as JSON Schema, describing what a caller sends (before coercion and defaults). */
function inputJsonSchema(schemas: z.ZodType[]): JsonSchema | null {
  const [first, second] = schemas;
  if (!first) return null;
  const schema = second ? z.intersection(first, second) : first;
  const json = z.toJSONSchema(schema, {
    io: "input",
    target: "draft-2020-12",
    // Dates are sent as ISO strings and coerced by the schema.
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type === "date") {
        jsonSchema.type = "string";
        jsonSchema.format = "date-time";
      }
    },
  }) as JsonSchema;
  delete json.$schema;
  return json;
}

let cached: RestOperation[] | null = null;

/** Every operation of the REST API, in the router's order. */
export function restOperations(): RestOperation[] {
  if (cached) return cached;
  const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;
  cached = Object.entries(procedures).flatMap(([procedure, { _def }]) => {
    const access = _def.meta?.access;
    if (!access || _def.meta?.sessionOnly) return [];
    if (_def.type !== "query" && _def.type !== "mutation") return [];
    const type = _def.type;
    return [
      {
        procedure,
        type,
        method: type === "query" ? "GET" : "POST",
        path: `/${procedure.replace(".", "/")}`,
        access,
        inputSchema: inputJsonSchema(_def.inputs),
      } satisfies RestOperation,
    ];
  });
  return cached;
}

/** True when the property's schema takes only text: its query parameter is sent as typed. */
function takesText(schema: unknown): boolean {
  if (!schema || typeof schema !== "object") return false;
  const s = schema as JsonSchema;
  if (s.type === "string") return true;
  if (Array.isArray(s.enum)) return s.enum.every((v) => typeof v === "string");
  const options = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  return Array.isArray(options) && options.every(takesText);
}

/**
 * A query's input from its query parameters: text fields as written, every other field (numbers,
 * booleans, lists, objects) as JSON (`?limit=20`, `?statuses=["OPEN"]`). A value that is not
 * JSON is handed on as text, so the procedure's own schema says what is wrong with it.
 */
export function queryInput(operation: RestOperation, params: URLSearchParams): unknown {
  const keys = [...new Set(params.keys())];
  if (keys.length === 0) return undefined;
  const properties = (operation.inputSchema?.properties ?? {}) as Record<string, unknown>;
  const input: Record<string, unknown> = {};
  for (const key of keys) {
    const values = params.getAll(key);
    const raw = values.length === 1 ? values[0] : values;
    if (typeof raw !== "string" || takesText(properties[key])) {
      input[key] = raw;
      continue;
    }
    try {
      input[key] = JSON.parse(raw);
    } catch {
      input[key] = raw;
    }
  }
  return input;
}
