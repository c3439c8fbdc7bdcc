/**
 * The most bytes the API reads from one request's body. Every input fits far below it; the
 * largest a person sends is a JSON export being imported, about 28 MB for a project with
 * 100,000 history events. Without a bound, one request could make the server hold any amount
 * in memory.
 */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export const BODY_TOO_LARGE_MESSAGE = `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB, the most the API reads from one request; nothing was saved. Send less in one request (a folder of decision records can be imported a few files at a time).`;

/**
 * A request's body, or null when it is larger than `max` bytes. A declared `Content-Length`
 * above the bound is refused before anything is read (Node's HTTP parser delivers no more than
 * it declares); a body sent in chunks is counted as it arrives and dropped at the bound.
 */
export async function readBodyWithin(
  req: Request,
  max: number = MAX_BODY_BYTES,
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
