/**
 * Checks on an API request's raw input, before tRPC parses it: a body larger than the procedure
 * takes (`bodyLimitFor`: 1 MB, or 64 MB for an import), text that is not valid UTF-8 (decoding would turn it into U+FFFD
 * replacement characters, stored as if the member had typed them), and JSON nested deeper than
 * any input of the API, which would exhaust the stack of whatever walks it. Each refusal is a
 * sentence saying what is wrong.
 */
import { bodyTooLargeMessage, readBodyWithin } from "@tradeoff/api/rest";

/** No input of the API is nested half this deep (a vote's scores sit at depth 2). */
export const MAX_INPUT_DEPTH = 32;

export const INVALID_UTF8_MESSAGE =
  "The request is not valid UTF-8 text, so it cannot be read without changing it. Send text encoded as UTF-8.";
export const TOO_DEEP_MESSAGE = `The request's JSON is nested more than ${MAX_INPUT_DEPTH} levels deep; no input of this API needs that. Send only the fields the API expects.`;

/** True when `json` opens more than `max` arrays or objects inside each other (outside strings). */
export function nestedDeeperThan(json: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return false;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export type CheckedInput =
  | { ok: true; request: Request }
  /** 400, or 413 for a body larger than the bound it was read within. */
  | { ok: false; status?: 413; message: string };

/**
 * The request with its input checked: a POST's body is read once here, within `maxBytes` (and
 * handed on as text), a GET's input is the `input` parameter of its address.
 *
 * Handing the text on means a second, standard Request with a body stream for tRPC to read
 * again: about 6 % of a vote's server time under load (docs/benchmarks.md). The one cheaper
 * route measured, @hono/node-server's fallback for bodies a host has already read
 * (`incoming.rawBody`), is not part of its documented API, so it is not used.
 */
export async function checkRequestInput(
  req: Request,
  url: URL,
  maxBytes: number,
): Promise<CheckedInput> {
  if (req.method === "POST") {
    const bytes = await readBodyWithin(req, maxBytes);
    if (!bytes) return { ok: false, status: 413, message: bodyTooLargeMessage(maxBytes) };
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return { ok: false, message: INVALID_UTF8_MESSAGE };
    }
    if (nestedDeeperThan(text, MAX_INPUT_DEPTH)) return { ok: false, message: TOO_DEEP_MESSAGE };
    return {
      ok: true,
      request: new Request(req.url, { method: req.method, headers: req.headers, body: text }),
    };
  }
  if (!url.search) return { ok: true, request: req };
  // URLSearchParams decodes broken percent-escapes to U+FFFD without a word; this does not.
  try {
    decodeURIComponent(url.search.replaceAll("+", " "));
  } catch {
    return { ok: false, message: INVALID_UTF8_MESSAGE };
  }
  const input = url.searchParams.get("input");
  if (input && nestedDeeperThan(input, MAX_INPUT_DEPTH)) {
    return { ok: false, message: TOO_DEEP_MESSAGE };
  }
  return { ok: true, request: req };
}
