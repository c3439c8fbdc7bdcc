/**
 * The most bytes the API reads from one request's body. Every input but an import fits far
 * below the default; the largest a person sends is a JSON export being imported, about 28 MB for
 * a project with 100,000 history events, so the import procedures (`LARGE_BODY_PROCEDURES`) may
 * send up to `MAX_BODY_BYTES`, and only once the caller is known. Without a bound, one request
 * could make the server hold any amount in memory.
 */
export const DEFAULT_BODY_BYTES = 1024 * 1024;
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** The procedures that take whole files: a JSON export, a folder of decision records. */
export const LARGE_BODY_PROCEDURES: ReadonlySet<string> = new Set([
  "export.import",
  "export.importFolder",
]);

/**
 * The most bytes a request may send to `procedures` (a tRPC batch names several): the import
 * procedures' bound when one of them is called, otherwise the default.
 */
export function bodyLimitFor(procedures: readonly string[]): number {
  return procedures.some((procedure) => LARGE_BODY_PROCEDURES.has(procedure))
    ? MAX_BODY_BYTES
    : DEFAULT_BODY_BYTES;
}

const megabytes = (bytes: number) => `${bytes / 1024 / 1024} MB`;

/** Why a body over `limit` bytes is refused, naming the bound and what to do instead. */
export function bodyTooLargeMessage(limit: number): string {
  return limit >= MAX_BODY_BYTES
    ? `The request body is larger than ${megabytes(limit)}, the most the API reads from one request; nothing was saved. Send less in one request (a folder of decision records can be imported a few files at a time).`
    : `The request body is larger than ${megabytes(limit)}, the most the API reads for this operation (only imports may send up to ${megabytes(MAX_BODY_BYTES)}); nothing was saved. Send only the fields the operation expects.`;
}

/**
 * A request's body, or null when it is larger than `max` bytes. A declared `Content-Length`
 * above the bound is refused before anything is read (Node's HTTP parser delivers no more than
 * it declares); a body sent in chunks is counted as it arrives and dropped at the bound.
 */
export async function readBodyWithin(
  req: Request,
  max: number = DEFAULT_BODY_BYTES,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = req.headers.get("content-length");
  if (declared !== null) {
    if (Number(declared) > max) {
      await req.body?.cancel().catch(() => {});
      return null;
    }
    return new Uint8Array(await req.arrayBuffer());
  }
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * True when the request declares (`Content-Length`) more than `max` bytes: refused before
 * anything else is done with it. A body sent in chunks is counted as it is read instead.
 */
export function declaredTooLarge(req: Request, max: number): boolean {
  const declared = req.headers.get("content-length");
  return declared !== null && Number(declared) > max;
}
