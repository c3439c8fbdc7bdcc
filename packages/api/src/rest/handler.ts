/**
 * The REST API (/api/v1) as a fetch handler in front of the tRPC handler: each REST request
 * becomes the one tRPC call it names, sent through the same handler the web app and the CLI
 * use, so the same token check (a read token may only GET), cross-site guard, input checks,
 * access rules, validation messages, metrics and request ids apply. Nothing is implemented
 * twice: this file only translates the address and the answer. Answers are the procedure's
 * JSON on success, and problem details (RFC 9457, `application/problem+json`) on failure,
 * with the same sentence and field messages the web app shows.
 */
import { openApiDocument } from "./openapi";
import {
  IDEMPOTENCY_HEADER,
  queryInput,
  REST_PREFIX,
  type RestOperation,
  restOperations,
  takesIdempotencyKey,
  unknownParameters,
} from "./operations";
import { apiDocsPage } from "./page";
import { bodyLimitFor, bodyTooLargeMessage, readBodyWithin } from "./read-body";
import { requestIdFrom } from "./request-id";

export const OPENAPI_PATH = `${REST_PREFIX}/openapi.json`;
export const DOCS_PATH = "/api/docs";

const STATUS_TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  412: "Precondition Failed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export type Problem = {
  type: "about:blank";
  title: string;
  status: number;
  /** What went wrong and what to do, as the web app says it. */
  detail: string;
  /** The API's error code: BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, ... */
  code: string;
  /** Per field of the input, its messages (present when fields need attention). */
  fieldErrors?: Record<string, string[]>;
  requestId?: string;
  /** On 503: DATABASE_UNAVAILABLE (nothing saved) or OUTCOME_UNKNOWN (retrying is safe). */
  reason?: string;
};

/** A problem details answer. */
export function problemResponse(
  problem: Omit<Problem, "type" | "title"> & { title?: string },
  headers: ConstructorParameters<typeof Headers>[0] = {},
): Response {
  const body: Problem = {
    type: "about:blank",
    title: problem.title ?? STATUS_TITLES[problem.status] ?? "Error",
    ...problem,
  };
  const out = new Headers(headers);
  out.set("content-type", "application/problem+json");
  return new Response(JSON.stringify(body), { status: problem.status, headers: out });
}

const NO_TOKEN_MESSAGE =
  "This call needs a personal access token, sent as `Authorization: Bearer <token>`. Create one under Account > Access tokens.";

/** tRPC's wire format for one call's answer. */
type TrpcAnswer =
  | { result: { data?: unknown } }
  | {
      error: {
        message: string;
        data?: {
          code?: string;
          httpStatus?: number;
          fieldErrors?: Record<string, string[] | undefined> | null;
          requestId?: string | null;
          reason?: string | null;
        };
      };
    };

/** Headers of the tRPC answer a REST client needs as well. */
const PASSED_HEADERS = ["x-request-id", "retry-after", "www-authenticate", "cache-control"];

/** A tRPC answer as a REST answer: the data itself, or problem details. */
async function toRest(answer: Response): Promise<Response> {
  const headers = new Headers();
  for (const name of PASSED_HEADERS) {
    const value = answer.headers.get(name);
    if (value) headers.set(name, value);
  }
  const text = await answer.text();
  let parsed: TrpcAnswer;
  try {
    parsed = JSON.parse(text) as TrpcAnswer;
  } catch {
    return problemResponse(
      {
        status: answer.status >= 400 ? answer.status : 500,
        code: "INTERNAL_SERVER_ERROR",
        detail: "The server's answer could not be read. Try again in a moment.",
        requestId: headers.get("x-request-id") ?? undefined,
      },
      headers,
    );
  }
  if ("result" in parsed) {
    if (parsed.result.data === undefined) return new Response(null, { status: 204, headers });
    headers.set("content-type", "application/json");
    return new Response(JSON.stringify(parsed.result.data), { status: 200, headers });
  }
  const data = parsed.error.data ?? {};
  // Every answer of the tRPC route carries the id in its header, not every body does.
  const requestId = data.requestId || headers.get("x-request-id");
  const status = data.httpStatus ?? (answer.status >= 400 ? answer.status : 500);
  // A refused token comes with its own challenge and sentence; without one, the caller sent no
  // token at all, and the web app's "Sign in to continue." does not say how an API client signs in.
  const noToken = status === 401 && !headers.has("www-authenticate");
  if (noToken) headers.set("www-authenticate", 'Bearer realm="tradeoff"');
  const fieldErrors = Object.fromEntries(
    Object.entries(data.fieldErrors ?? {}).filter(
      (entry): entry is [string, string[]] => Array.isArray(entry[1]) && entry[1].length > 0,
    ),
  );
  return problemResponse(
    {
      status,
      detail: noToken ? NO_TOKEN_MESSAGE : parsed.error.message,
      code: data.code ?? "INTERNAL_SERVER_ERROR",
      ...(Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {}),
      ...(requestId ? { requestId } : {}),
      ...(data.reason ? { reason: data.reason } : {}),
    },
    headers,
  );
}

function findOperation(path: string): RestOperation | undefined {
  const rest = path.slice(REST_PREFIX.length);
  return restOperations().find((op) => op.path === rest);
}

/** Problem details carrying the request's id, in the body and the header, as tRPC's answers do. */
function refusalWith(requestId: string) {
  return (
    problem: Parameters<typeof problemResponse>[0],
    headers: ConstructorParameters<typeof Headers>[0] = {},
  ) => {
    const out = new Headers(headers);
    out.set("x-request-id", requestId);
    return problemResponse({ ...problem, requestId }, out);
  };
}

export type RestHandlerOptions = {
  /** The tRPC endpoint's own handler (/api/trpc), which answers every call. */
  trpc: (req: Request) => Promise<Response>;
  /** The sentence for a query string that is not valid UTF-8 (the tRPC route's own). */
  invalidUtf8Message: string;
};

/**
 * Answers /api/v1/* (operations and /api/v1/openapi.json) and /api/docs. Unknown paths and
 * wrong methods are problem details too, pointing at the description.
 */
export function createRestHandler(options: RestHandlerOptions) {
  return async function handleRestRequest(req: Request): Promise<Response> {
    // One id for the request, whoever answers it: this handler's own refusals carry it, and the
    // tRPC handler reads it from the header it is handed, so its answers and logs carry the same.
    const requestId = requestIdFrom(req.headers.get("x-request-id"));
    const refuse = refusalWith(requestId);
    const forwarded = () => {
      const headers = new Headers(req.headers);
      headers.set("x-request-id", requestId);
      return headers;
    };
    const url = new URL(req.url);
    const path = url.pathname.replace(/\/+$/, "");
    if (path === OPENAPI_PATH || path === DOCS_PATH) {
      if (req.method !== "GET" && req.method !== "HEAD") {
        return refuse(
          { status: 405, code: "METHOD_NOT_SUPPORTED", detail: `Use GET for ${path}.` },
          { allow: "GET, HEAD" },
        );
      }
      return path === OPENAPI_PATH
        ? Response.json(openApiDocument(), { headers: { "cache-control": "no-cache" } })
        : new Response(apiDocsPage(openApiDocument()), {
            headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" },
          });
    }
    const operation = findOperation(path);
    if (!operation) {
      return refuse({
        status: 404,
        code: "NOT_FOUND",
        detail: `There is no API operation at ${url.pathname}. Every operation is listed at ${OPENAPI_PATH} and ${DOCS_PATH}.`,
      });
    }
    // HEAD asks for a query's answer without its body: the same call, as HTTP would have it.
    const method = req.method === "HEAD" && operation.method === "GET" ? "GET" : req.method;
    if (method !== operation.method) {
      return refuse(
        {
          status: 405,
          code: "METHOD_NOT_SUPPORTED",
          detail: `${REST_PREFIX}${operation.path} is called with ${operation.method}${
            operation.method === "GET"
              ? ", its input as query parameters"
              : ", its input as a JSON body"
          }.`,
        },
        { allow: operation.method === "GET" ? "GET, HEAD" : operation.method },
      );
    }
    const target = new URL(`/api/trpc/${operation.procedure}`, url);
    if (operation.method === "GET") {
      // URLSearchParams turns broken percent-escapes into U+FFFD without a word; refuse them.
      try {
        decodeURIComponent(url.search.replaceAll("+", " "));
      } catch {
        return refuse({
          status: 400,
          code: "BAD_REQUEST",
          detail: options.invalidUtf8Message,
        });
      }
      const { unknown, known } = unknownParameters(operation, url.searchParams);
      if (unknown.length > 0) {
        return refuse({
          status: 400,
          code: "BAD_REQUEST",
          detail: `${REST_PREFIX}${operation.path} takes no parameter ${unknown.join(", ")}. ${
            known.length ? `Its parameters are: ${known.join(", ")}.` : "It takes no parameters."
          }`,
          fieldErrors: Object.fromEntries(
            unknown.map((key) => [key, ["This operation has no such parameter."]]),
          ),
        });
      }
      const input = queryInput(operation, url.searchParams);
      if (input !== undefined) target.searchParams.set("input", JSON.stringify(input));
      return toRest(
        await options.trpc(new Request(target, { method: "GET", headers: forwarded() })),
      );
    }
    const idempotencyKey = req.headers.get(IDEMPOTENCY_HEADER);
    if (idempotencyKey !== null) {
      return withIdempotencyKey(req, operation, idempotencyKey, target, requestId);
    }
    // The body is handed on unread: the tRPC route reads it once, within its size bound, and
    // checks its type, encoding and depth.
    return toRest(
      await options.trpc(
        new Request(target, {
          method: "POST",
          headers: forwarded(),
          body: req.body,
          duplex: "half",
        } as RequestInit),
      ),
    );
  };

  /**
   * A change sent with `Idempotency-Key`: the header's key becomes the input's `idempotencyKey`,
   * for the operations that take one (creating a decision, a comment, a team, an invitation, a
   * share link). Any other operation says it is not deduplicated rather than ignoring the header.
   */
  async function withIdempotencyKey(
    req: Request,
    operation: RestOperation,
    key: string,
    target: URL,
    requestId: string,
  ): Promise<Response> {
    const refuse = refusalWith(requestId);
    if (!takesIdempotencyKey(operation)) {
      await req.body?.cancel().catch(() => {});
      return refuse({
        status: 400,
        code: "BAD_REQUEST",
        detail: `${REST_PREFIX}${operation.path} takes no Idempotency-Key: sending it twice does it twice. Send it without the header; only operations whose body has an idempotencyKey field are deduplicated.`,
      });
    }
    // Read here, within the operation's own bound (these are small inputs), to put the key in;
    // the tRPC route then checks the same bytes from memory, not from the network again.
    const limit = bodyLimitFor([operation.procedure]);
    const bytes = await readBodyWithin(req, limit);
    if (!bytes) {
      return refuse({
        status: 413,
        code: "PAYLOAD_TOO_LARGE",
        detail: bodyTooLargeMessage(limit),
      });
    }
    let body: Uint8Array<ArrayBuffer> | string = bytes;
    const input = parseObject(bytes);
    if (input) {
      if (input.idempotencyKey !== undefined && input.idempotencyKey !== key) {
        return refuse({
          status: 400,
          code: "BAD_REQUEST",
          detail:
            "The Idempotency-Key header and the body's idempotencyKey differ. Send the key once, in either place.",
          fieldErrors: { idempotencyKey: ["Differs from the Idempotency-Key header."] },
        });
      }
      body = JSON.stringify({ ...input, idempotencyKey: key });
    }
    // A body that is not a JSON object goes on as it came: the tRPC route says what is wrong.
    const headers = new Headers(req.headers);
    headers.delete("content-length");
    headers.set("x-request-id", requestId);
    return toRest(await options.trpc(new Request(target, { method: "POST", headers, body })));
  }
}

/** The body as a JSON object, or null when it is not one. */
function parseObject(bytes: Uint8Array): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    return parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
