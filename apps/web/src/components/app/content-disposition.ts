/** The file name of a `Content-Disposition: attachment; filename="…"` header, if it has one. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = disposition.match(/filename\*\s*=\s*UTF-8''([^;]+)/i)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // A malformed encoded name: the plain one below, if any, still names the file.
    }
  }
  return disposition.match(/filename\s*=\s*"([^"]+)"/i)?.[1] ?? null;
}
