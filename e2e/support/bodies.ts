/**
 * POSTs `bytes` spaces to `url` in pieces of `chunkBytes`, streamed without a Content-Length: a
 * body the server can only measure as it arrives.
 */
export function postInChunks(
  url: string,
  headers: Record<string, string>,
  { bytes, chunkBytes }: { bytes: number; chunkBytes: number },
): Promise<Response> {
  const chunk = new Uint8Array(chunkBytes).fill(0x20);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent * chunk.byteLength >= bytes) controller.close();
      else {
        sent++;
        controller.enqueue(chunk);
      }
    },
  });
  // Node's fetch needs `duplex` for a streamed body; the DOM's RequestInit type does not name it.
  return fetch(url, { method: "POST", headers, body, duplex: "half" } as RequestInit);
}
