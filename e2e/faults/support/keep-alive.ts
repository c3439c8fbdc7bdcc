import { type Agent, type IncomingHttpHeaders, request } from "node:http";

export type Answer = { status: number; headers: IncomingHttpHeaders; body: string };

/**
 * One HTTP request on a keep-alive agent's connection; rejects with the socket's error when it
 * is not answered, or when no answer comes within `timeoutMs`.
 */
export function send(
  agent: Agent,
  origin: string,
  method: "GET" | "POST",
  path: string,
  headers: Record<string, string> = {},
  body?: string,
  timeoutMs = 10_000,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { agent, method, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(timeoutMs, () =>
      req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)),
    );
    req.end(body);
  });
}
