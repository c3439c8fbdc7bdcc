/**
 * The REST API's documentation page (/api/docs): plain HTML made from the OpenAPI description,
 * with no script and nothing loaded from elsewhere, so it works offline and under the app's
 * Content-Security-Policy.
 */

import { escapeHtml } from "../domain/html";

type OperationObject = {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  parameters?: { name: string; required: boolean; schema?: unknown; content?: unknown }[];
  requestBody?: { content: { "application/json": { schema: unknown } } };
};

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1c1917}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d6d3d1}
code,pre{font:13px/1.4 ui-monospace,monospace}pre{background:#f5f5f4;padding:.6rem;overflow:auto}
details{margin:.4rem 0;border:1px solid #e7e5e4;border-radius:4px;padding:.3rem .6rem}
summary{cursor:pointer}.m{display:inline-block;min-width:3.2rem;font-weight:600}
.GET{color:#1d4ed8}.POST{color:#15803d}`;

/** The page for `document` (the result of `openApiDocument()`). */
export function apiDocsPage(document: Record<string, unknown>): string {
  const info = document.info as { title: string; description: string };
  const paths = document.paths as Record<string, Record<string, OperationObject>>;
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const verb = method.toUpperCase();
      const input = op.requestBody
        ? `<p>JSON body:</p><pre tabindex="0">${escapeHtml(JSON.stringify(op.requestBody.content["application/json"].schema, null, 2))}</pre>`
        : op.parameters && op.parameters.length > 0
          ? `<p>Query parameters:</p><pre tabindex="0">${escapeHtml(
              JSON.stringify(
                Object.fromEntries(
                  op.parameters.map((p) => [
                    `${p.name}${p.required ? "" : " (optional)"}`,
                    p.schema ?? p.content,
                  ]),
                ),
                null,
                2,
              ),
            )}</pre>`
          : "<p>No input.</p>";
      const html = `<details id="${escapeHtml(op.operationId)}"><summary><span class="m ${verb}">${verb}</span> <code>/api/v1${escapeHtml(path)}</code></summary><p>${escapeHtml(op.description)}</p>${input}</details>`;
      const tag = op.tags[0] ?? "api";
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const sections = [...byTag]
    .map(([tag, items]) => `<h2 id="${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${items.join("")}`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(info.title)}</title><link rel="icon" href="/icon.svg" type="image/svg+xml"><style>${STYLE}</style></head><body><main>
<h1>${escapeHtml(info.title)}</h1>
<p>${escapeHtml(info.description)}</p>
<p>The machine-readable description: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p>
<pre tabindex="0">curl -H "Authorization: Bearer $TRADEOFF_TOKEN" "$TRADEOFF_URL/api/v1/team/list"</pre>
${sections}
</main></body></html>`;
}
