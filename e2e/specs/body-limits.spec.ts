import { baseURL } from "../playwright.config";
import { postInChunks } from "../support/bodies";
import { teamJoinedBy } from "../support/decisions";
import { expect, test } from "../support/members";
import { uniqueName } from "../support/names";

/**
 * How much of a request's body the server reads: 1 MB for every procedure but the imports, which
 * take up to 64 MB from a caller who is signed in. A larger body is refused with 413 and a
 * sentence naming the bound, before the server holds it.
 */
const MB = 1024 * 1024;
const JSON_HEADERS = { "content-type": "application/json", origin: baseURL };

/** A JSON object of about `bytes` bytes: one long string field. */
const bodyOf = (bytes: number, fields: Record<string, unknown> = {}) =>
  JSON.stringify({ ...fields, padding: "x".repeat(bytes) });

type TrpcError = { error?: { message?: string; data?: { code?: string; httpStatus?: number } } };

test("a signed-out 2 MB sign-up is refused at once with 413, naming the 1 MB bound", async () => {
  const started = performance.now();
  const res = await fetch(`${baseURL}/api/trpc/auth.signUp`, {
    method: "POST",
    headers: JSON_HEADERS,
    body: bodyOf(2 * MB, { name: "Big", email: "big@e2e.tradeoff.dev", password: "pw-big-secret" }),
  });
  const seconds = (performance.now() - started) / 1000;
  expect(res.status).toBe(413);
  const body = (await res.json()) as TrpcError;
  expect(body.error?.data?.code).toBe("PAYLOAD_TOO_LARGE");
  expect(body.error?.message).toMatch(
    /^The request body is larger than 1 MB, the most the API reads for this operation/,
  );
  expect(seconds).toBeLessThan(5);

  // Sent in chunks, without a length: counted as it arrives and refused at the bound.
  const chunked = await postInChunks(`${baseURL}/api/trpc/auth.signUp`, JSON_HEADERS, {
    bytes: 8 * MB,
    chunkBytes: 256 * 1024,
  });
  expect(chunked.status).toBe(413);
  expect(((await chunked.json()) as TrpcError).error?.message).toMatch(/larger than 1 MB/);
});

test("a signed-out import is refused before its body is read; a member's large import is read", async ({
  alice,
}) => {
  const team = await teamJoinedBy(alice, [], uniqueName("Imports"));
  const record = [
    "# 1. Use PostgreSQL",
    "",
    "Date: 2024-04-10",
    "",
    "## Status",
    "",
    "Accepted",
    "",
    "## Context",
    "",
    "MySQL lacks the JSON operators we need.",
    "",
    "## Decision",
    "",
    "We will use PostgreSQL.",
    "",
  ].join("\n");
  // Three notes of about 360 KB beside one record: a folder of 1.4 MB, over the default bound.
  // Files travel base64-encoded, as the folder picker sends them.
  const notes = `Notes on our database.\n\n${"Lorem ipsum dolor sit amet. ".repeat(13_000)}`;
  const file = (name: string, text: string) => ({
    name,
    size: Buffer.byteLength(text),
    content: Buffer.from(text).toString("base64"),
  });
  const files = [
    file("0001-use-postgresql.md", record),
    ...[1, 2, 3].map((n) => file(`NOTES-${n}.md`, notes)),
  ];
  const data = { teamId: team.id, files, dryRun: true };
  expect(JSON.stringify(data).length).toBeGreaterThan(1.3 * MB);

  const signedOut = await fetch(`${baseURL}/api/trpc/export.importFolder`, {
    method: "POST",
    headers: JSON_HEADERS,
    body: JSON.stringify(data),
  });
  expect(signedOut.status).toBe(401);
  expect(((await signedOut.json()) as TrpcError).error?.message).toBe("Sign in to continue.");

  const imported = await alice.context.request.post("/api/trpc/export.importFolder", { data });
  expect(imported.status(), (await imported.text()).slice(0, 300)).toBe(200);
  const result = (await imported.json()) as {
    result: { data: { records: { title: string }[]; skipped: { fileName: string }[] } };
  };
  expect(result.result.data.records.map((r) => r.title)).toEqual(["Use PostgreSQL"]);
  expect(result.result.data.skipped.map((s) => s.fileName).sort()).toEqual([
    "NOTES-1.md",
    "NOTES-2.md",
    "NOTES-3.md",
  ]);

  // Any other procedure, signed in or not, reads 1 MB at most.
  const tooLarge = await alice.context.request.post("/api/trpc/team.create", {
    data: bodyOf(1.5 * MB, { name: "Too large" }),
    headers: { "content-type": "application/json" },
  });
  expect(tooLarge.status()).toBe(413);
  expect(((await tooLarge.json()) as TrpcError).error?.message).toMatch(/larger than 1 MB/);
});

test("the REST API refuses a body over its operation's bound with a problem, also with Idempotency-Key", async () => {
  const withKey = { "idempotency-key": "5f0c6a1e-1c1b-4c3a-9a55-1f4f0d3b2a10" };
  for (const headers of [{} as Record<string, string>, withKey]) {
    const res = await fetch(`${baseURL}/api/v1/project/create`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: "Bearer tro_unknown",
        ...headers,
      },
      body: bodyOf(2 * MB, { teamId: "t" }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await res.json()) as { code?: string; detail?: string };
    expect(problem.code).toBe("PAYLOAD_TOO_LARGE");
    expect(problem.detail).toMatch(/larger than 1 MB/);
  }
  const document = (await (await fetch(`${baseURL}/api/v1/openapi.json`)).json()) as {
    components: { schemas: { Problem: { properties: { code: { description: string } } } } };
    paths: Record<string, { post?: { responses: Record<string, { description: string }> } }>;
  };
  expect(document.components.schemas.Problem.properties.code.description).toContain(
    "PAYLOAD_TOO_LARGE",
  );
  expect(document.paths["/project/create"]?.post?.responses["413"]?.description).toMatch(
    /larger than 1 MB/,
  );
  expect(document.paths["/export/import"]?.post?.responses["413"]?.description).toMatch(
    /larger than 64 MB/,
  );
});
