/**
 * The OpenAPI 3.1 description of the REST API (/api/v1/openapi.json), made from the same
 * operations the handler serves: their paths, methods, access rules and input schemas.
 * Answers are described as JSON without a schema: the procedures declare no output schema, and
 * this document does not guess one.
 */
import type { JsonSchema, RestOperation } from "./operations";
import { REST_PREFIX, restOperations, takesIdempotencyKey, takesText } from "./operations";
import { bodyLimitFor, DEFAULT_BODY_BYTES, MAX_BODY_BYTES } from "./read-body";

const ROLE_NAMES = { VIEWER: "viewer", MEMBER: "member", ADMIN: "admin", OWNER: "owner" };

/** Who may call an operation, in a sentence. */
export function accessSentence(operation: RestOperation): string {
  const { scope, minRole } = operation.access;
  const role = ROLE_NAMES[minRole ?? "VIEWER"];
  const token =
    operation.method === "GET"
      ? "Any access token of the user (read or read-write)."
      : "Needs a read-write access token.";
  if (scope === "team") return `Needs the ${role} role or higher in the team (teamId). ${token}`;
  if (scope === "project") {
    return `Needs the ${role} role or higher in the project's team (projectId). ${token}`;
  }
  return `Any signed-in user; answers for their own account, teams and notifications. ${token}`;
}

const problemSchema = {
  type: "object",
  required: ["type", "title", "status", "detail", "code"],
  properties: {
    type: { type: "string", const: "about:blank" },
    title: { type: "string", description: "The HTTP status's name." },
    status: { type: "integer" },
    detail: { type: "string", description: "What went wrong and what to do, in a sentence." },
    code: {
      type: "string",
      description:
        "BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, PRECONDITION_FAILED, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, METHOD_NOT_SUPPORTED, TOO_MANY_REQUESTS, SERVICE_UNAVAILABLE or INTERNAL_SERVER_ERROR.",
    },
    fieldErrors: {
      type: "object",
      description: "Per input field, its messages: present when fields need attention.",
      additionalProperties: { type: "array", items: { type: "string" } },
    },
    requestId: { type: "string", description: "The id of the request in the server's logs." },
    reason: {
      type: "string",
      enum: ["DATABASE_UNAVAILABLE", "OUTCOME_UNKNOWN"],
      description:
        "On 503: the database did not answer (nothing was saved), or the connection dropped during the commit (it may have been saved; retrying is safe).",
    },
  },
} as const;

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

const PROBLEMS = {
  "400": problem("The input is not valid: `detail` says why, `fieldErrors` per field."),
  "401": problem("No access token, or it is not valid, revoked or expired."),
  "403": problem("The token or the user's role does not allow this."),
  "404": problem("Not found, or not in one of the user's teams."),
  "409": problem(
    "Not possible in the current state, or (a change sent with the version it was read at, such as project.update's `expectedUpdatedAt`) someone else changed it since: read it again and reapply the change.",
  ),
  "412": problem(
    "A condition is not met yet: `detail` says which and what to do (for example, confirm a decision on a provisional recommendation).",
  ),
  "503": problem("The server or its database is not answering; try again."),
};

const megabytes = (bytes: number) => `${bytes / 1024 / 1024} MB`;

/**
 * Only a change sends a body, so only a change can send one too large or as something other
 * than JSON. The bound is the operation's own: 1 MB, or 64 MB for the imports.
 */
const bodyProblems = (operation: RestOperation) => ({
  "413": problem(
    `The body is larger than ${megabytes(bodyLimitFor([operation.procedure]))}, the most this operation reads (code PAYLOAD_TOO_LARGE); nothing was saved. Only the imports take up to ${megabytes(MAX_BODY_BYTES)}; every other operation takes up to ${megabytes(DEFAULT_BODY_BYTES)}.`,
  ),
  "415": problem("The body is not sent as JSON: send it with `Content-Type: application/json`."),
});

/** A query's parameters: its input's top-level fields. */
function parameters(schema: JsonSchema | null) {
  const properties = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema?.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) =>
    // The handler's own reading of a parameter (queryInput): text as written, else JSON.
    takesText(property)
      ? { name, in: "query", required: required.has(name), schema: property }
      : {
          name,
          in: "query",
          required: required.has(name),
          description: "Sent as JSON (a number, true or false, a list or an object).",
          content: { "application/json": { schema: property } },
        },
  );
}

/** The header of the changes that are deduplicated (their body has an idempotencyKey too). */
const IDEMPOTENCY_PARAMETER = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "A UUID made for this one change and sent again with its retries: the same key answers the first request's result instead of doing it twice (see the operation's `idempotencyKey`). Other operations refuse the header.",
  schema: { type: "string", format: "uuid" },
};

function operationObject(operation: RestOperation) {
  const [tag] = operation.procedure.split(".");
  const base = {
    operationId: operation.procedure.replace(".", "_"),
    tags: [tag ?? "api"],
    summary: `${operation.procedure} (${operation.type})`,
    description: accessSentence(operation),
    responses: {
      "200": {
        description: "The answer, as the web app receives it (dates are ISO 8601 strings).",
        content: { "application/json": { schema: {} } },
      },
      "204": { description: "Done; nothing to answer." },
      ...PROBLEMS,
      "405": problem(
        `Sent with another method: this operation is called only with ${
          operation.method === "GET" ? "GET (or HEAD)" : operation.method
        }, as the Allow header says (code METHOD_NOT_SUPPORTED).`,
      ),
    },
  };
  if (operation.method === "GET") return { ...base, parameters: parameters(operation.inputSchema) };
  return {
    ...base,
    ...(takesIdempotencyKey(operation) ? { parameters: [IDEMPOTENCY_PARAMETER] } : {}),
    responses: { ...base.responses, ...bodyProblems(operation) },
    ...(operation.inputSchema
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: operation.inputSchema } },
          },
        }
      : {}),
  };
}

let cached: Record<string, unknown> | null = null;

/** The whole description; the same object on every call. */
export function openApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of restOperations()) {
    paths[operation.path] = { [operation.method.toLowerCase()]: operationObject(operation) };
  }
  const tags = [...new Set(restOperations().map((op) => op.procedure.split(".")[0] ?? "api"))];
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Tradeoff API",
      version: "1",
      description:
        "The procedures a personal access token may call, as plain HTTP and JSON: tokens work on decisions only; the account, joining or leaving teams and a team's administration (members, invitations, webhooks, settings) are managed in the browser. Create a token under Account > Access tokens and send it as `Authorization: Bearer <token>`. Queries are GET with their input as query parameters (text as written, anything else as JSON); changes are POST with a JSON body. Errors are problem details (`application/problem+json`) with the same messages as the web app.",
    },
    servers: [{ url: REST_PREFIX }],
    security: [{ accessToken: [] }],
    tags: tags.map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        accessToken: {
          type: "http",
          scheme: "bearer",
          description: "A personal access token (Account > Access tokens).",
        },
      },
      schemas: { Problem: problemSchema },
    },
  };
  return cached;
}
