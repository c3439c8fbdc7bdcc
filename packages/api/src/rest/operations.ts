/**
 * The REST API's operations, read from the procedure list (../procedures.ts): every query and
 * mutation a personal access token may call (not subscriptions, not the public procedures that
 * need no account, not the account's own settings, which need a browser session). A query is
 * `GET /api/v1/<router>/<procedure>` with its input as query parameters; a mutation is
 * `POST /api/v1/<router>/<procedure>` with its input as a JSON body. The input schemas are the
 * procedures' own zod schemas, so a new procedure appears here, in the OpenAPI description and
 * in the documentation page without a line of its own.
 */
import { z } from "zod";
import { type ProcedureAccess, procedureEntries } from "../procedures";

export const REST_PREFIX = "/api/v1";

export type RestOperation = {
  /** The tRPC procedure's path, "project.list". */
  procedure: string;
  type: "query" | "mutation";
  method: "GET" | "POST";
  /** The path under /api/v1: "/project/list". */
  path: string;
  access: ProcedureAccess;
  /** The input's JSON Schema (draft 2020-12, as OpenAPI 3.1 uses), or null without input. */
  inputSchema: JsonSchema | null;
};

export type JsonSchema = { [key: string]: unknown };

/** A zod schema as JSON Schema, describing what a caller sends (before coercion and defaults). */
function inputJsonSchema(schema: z.ZodType | null): JsonSchema | null {
  if (!schema) return null;
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

/** Every operation of the REST API, in the procedure list's order. */
export function restOperations(): RestOperation[] {
  if (cached) return cached;
  cached = procedureEntries.flatMap(([procedure, { type, access, sessionOnly, input }]) => {
    if (!access || sessionOnly) return [];
    if (type !== "query" && type !== "mutation") return [];
    return [
      {
        procedure,
        type,
        method: type === "query" ? "GET" : "POST",
        path: `/${procedure.replace(".", "/")}`,
        access,
        inputSchema: inputJsonSchema(input),
      } satisfies RestOperation,
    ];
  });
  return cached;
}

/**
 * True when the property's schema takes only text: its query parameter is sent as typed. A
 * null alternative does not count (an absent parameter is the null), so a nullable text such as
 * a page cursor is sent as it was received: `?cursor=41`.
 */
export function takesText(schema: unknown): boolean {
  if (!schema || typeof schema !== "object") return false;
  const s = schema as JsonSchema;
  if (s.type === "string") return true;
  if (Array.isArray(s.enum)) return s.enum.every((v) => typeof v === "string");
  const options = ((s.anyOf ?? s.oneOf) as JsonSchema[] | undefined)?.filter(
    (option) => option?.type !== "null",
  );
  return Array.isArray(options) && options.length > 0 && options.every(takesText);
}

/**
 * A query's input from its query parameters: text fields as written, every other field (numbers,
 * booleans, lists, objects) as JSON (`?limit=20`, `?statuses=["OPEN"]`). A value that is not
 * JSON is handed on as text, so the procedure's own schema says what is wrong with it.
 */
export function queryInput(operation: RestOperation, params: URLSearchParams): unknown {
  const keys = [...new Set(params.keys())];
  // No parameters at all is an empty input, so the answer names each field that is missing.
  if (keys.length === 0) return operation.inputSchema ? {} : undefined;
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

/**
 * The query parameters the operation does not take. The procedures' schemas drop fields they do
 * not know, so `?limt=1` would otherwise answer the default page as if it had been understood.
 * An input that is not one object of fields (a choice between shapes) is left to its schema.
 */
export function unknownParameters(
  operation: RestOperation,
  params: URLSearchParams,
): { unknown: string[]; known: string[] } {
  const schema = operation.inputSchema;
  if (schema && typeof schema.properties !== "object") return { unknown: [], known: [] };
  const known = Object.keys((schema?.properties ?? {}) as Record<string, unknown>).sort();
  const unknown = [...new Set(params.keys())].filter((key) => !known.includes(key));
  return { unknown, known };
}

/** The request header a REST client names one attempt of a change with (the usual convention). */
export const IDEMPOTENCY_HEADER = "idempotency-key";

/**
 * Whether the operation is deduplicated: its input has an `idempotencyKey` field, which the
 * `Idempotency-Key` header fills.
 */
export function takesIdempotencyKey(operation: RestOperation): boolean {
  const properties = operation.inputSchema?.properties as Record<string, unknown> | undefined;
  return properties !== undefined && "idempotencyKey" in properties;
}
