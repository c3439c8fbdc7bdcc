import { baseURL } from "../playwright.config";
import { expect, signedUpOverApi, test } from "../support/fixtures";

/**
 * Requests the server refuses before they reach a procedure: a malformed body sent to sign-in's
 * routes is told what is wrong (never a 500), and every refusal carries the request id the
 * API's own answers carry, in the `x-request-id` header and in the body, so whoever reports it
 * can be found in the logs.
 */

/** Traces of a stack or of the server's files, which an answer must never show. */
const LEAK = /\bat \S+ \(|node_modules|\.next\/|Error:/;

/** The request id of an answer: the header, and the same id in its body. */
async function requestIdOf(res: Response): Promise<string> {
  const header = res.headers.get("x-request-id");
  const text = await res.text();
  expect(header, `${res.status} ${res.url}: ${text.slice(0, 200)}`).toBeTruthy();
  const body = JSON.parse(text) as {
    requestId?: string;
    error?: { data?: { requestId?: string } };
  };
  expect(body.requestId ?? body.error?.data?.requestId, `${res.url}: ${text.slice(0, 200)}`).toBe(
    header,
  );
  return header ?? "";
}

test("sign-in's routes refuse a malformed body with 400 and a sentence, never a 500", async () => {
  for (const path of ["csrf", "signin/email", "callback/credentials", "signout", "session"]) {
    for (const body of ["{not json", "[1,", '"unterminated']) {
      const res = await fetch(`${baseURL}/api/auth/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: baseURL },
        body,
      });
      const text = await res.text();
      expect(res.status, `${path} ${body}: ${text.slice(0, 300)}`).toBe(400);
      expect(text).not.toMatch(LEAK);
      expect((JSON.parse(text) as { message?: string }).message).toMatch(/not valid JSON.*form/i);
    }
  }
  // A well-formed request still works.
  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  expect(csrf.status).toBe(200);
});

test("refusals before the API carry the request id, as the API's own answers do", async () => {
  const json = { "content-type": "application/json", origin: baseURL };
  // tRPC: a body over its bound, a body that is not JSON, an access token that is not valid.
  const tooLarge = await fetch(`${baseURL}/api/trpc/team.create`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ name: "x".repeat(1.5 * 1024 * 1024) }),
  });
  expect(tooLarge.status).toBe(413);
  await requestIdOf(tooLarge);
  const notJson = await fetch(`${baseURL}/api/trpc/team.create`, {
    method: "POST",
    headers: { "content-type": "text/plain", origin: baseURL },
    body: "name=x",
  });
  expect(notJson.status).toBe(415);
  await requestIdOf(notJson);
  const badToken = await fetch(`${baseURL}/api/trpc/team.list`, {
    headers: { authorization: "Bearer tro_unknown" },
  });
  expect(badToken.status).toBe(401);
  await requestIdOf(badToken);

  // REST: a wrong method, an unknown operation, an unknown parameter, a body over its bound
  // with Idempotency-Key (read by the REST API itself).
  const wrongMethod = await fetch(`${baseURL}/api/v1/project/create`, {
    headers: { "x-request-id": "caller-chosen-id-1" },
  });
  expect(wrongMethod.status).toBe(405);
  expect(await requestIdOf(wrongMethod)).toBe("caller-chosen-id-1");
  const docsPost = await fetch(`${baseURL}/api/v1/openapi.json`, { method: "POST" });
  expect(docsPost.status).toBe(405);
  await requestIdOf(docsPost);
  const unknown = await fetch(`${baseURL}/api/v1/no/such`);
  expect(unknown.status).toBe(404);
  await requestIdOf(unknown);
  const unknownParameter = await fetch(`${baseURL}/api/v1/team/list?color=red`, {
    headers: { authorization: "Bearer tro_unknown" },
  });
  expect(unknownParameter.status).toBe(400);
  await requestIdOf(unknownParameter);
  const keyed = await fetch(`${baseURL}/api/v1/project/create`, {
    method: "POST",
    headers: { ...json, "idempotency-key": "5f0c6a1e-1c1b-4c3a-9a55-1f4f0d3b2a10" },
    body: JSON.stringify({ teamId: "t", padding: "x".repeat(2 * 1024 * 1024) }),
  });
  expect(keyed.status).toBe(413);
  await requestIdOf(keyed);
  // The id the REST API answers with is the one the tRPC handler logs under.
  const passedOn = await fetch(`${baseURL}/api/v1/team/list`, {
    headers: { authorization: "Bearer tro_unknown", "x-request-id": "caller-chosen-id-2" },
  });
  expect(passedOn.status).toBe(401);
  expect(await requestIdOf(passedOn)).toBe("caller-chosen-id-2");
});

test("a sign-in refused by the attempt limit carries a request id", async ({ request }) => {
  const member = await signedUpOverApi(request, "limited");
  let status = 0;
  for (let i = 0; i < 6 && status !== 429; i++) {
    const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await request.post("/api/auth/callback/credentials", {
      form: {
        csrfToken: csrf.csrfToken,
        email: member.email,
        password: "wrong guess",
        json: "true",
      },
      maxRedirects: 0,
    });
    status = res.status();
    if (status !== 429) continue;
    const header = res.headers()["x-request-id"];
    expect(header).toBeTruthy();
    expect(((await res.json()) as { requestId?: string }).requestId).toBe(header);
  }
  expect(status).toBe(429);
});
