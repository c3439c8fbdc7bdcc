import { validate } from "@readme/openapi-parser";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { openApiDocument, REST_PREFIX, restOperations } from "../src/rest";
import { apiDocsPage } from "../src/rest/page";
import { appRouter } from "../src/root";
import { authenticateRequest } from "../src/server";
import { createContextInner } from "../src/trpc";
import { useTestDatabase } from "./helpers";
import { restHandler, restRequest } from "./isolation/call";
import { blankInput, teamWith } from "./project-fixtures";

/**
 * The REST API (/api/v1) over the same tRPC handler the web app uses, with real access tokens
 * on the real database: its description, its answers and its refusals. The isolation sweep
 * (isolation/sweep.integration.test.ts) repeats every access check over REST as well.
 */
const t = useTestDatabase();

async function tokenFor(api: ReturnType<typeof t.callerAs>, scope: "READ" | "READ_WRITE") {
  return (await api.token.create({ name: `rest ${scope}`, scope })).token;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A new team's owner with an access token of `scope`, and the REST API's request handler. */
async function ownerOverRest(scope: "READ" | "READ_WRITE") {
  const { team, owner } = await teamWith(t);
  const token = await tokenFor(owner.api, scope);
  return { team, owner, token, handler: restHandler(t.db, null) };
}

describe("the OpenAPI description", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const document = structuredClone(openApiDocument());
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(document as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("serves what a token may call and nothing that needs a browser session", () => {
    const served = restOperations().map((op) => op.procedure);
    for (const procedure of ["project.list", "project.open", "project.close", "record.decide"]) {
      expect(served).toContain(procedure);
    }
    expect(served).toContain("record.supersede");
    expect(served).toContain("share.revoke");
    // The account's own settings, its memberships, a team's administration, public procedures
    // and live subscriptions are not served.
    for (const procedure of [
      "token.create",
      "account.changePassword",
      "account.delete",
      "account.updateName",
      "team.create",
      "team.leave",
      "invitation.accept",
      "member.changeRole",
      "auth.signUp",
      "share.view",
      "live.project",
    ]) {
      expect(served).not.toContain(procedure);
    }
    const paths = Object.keys(openApiDocument().paths as object);
    expect(paths).toHaveLength(served.length);
    expect(paths).toContain("/record/decide");
  });

  it("describes a query's input as parameters and a change's input as a JSON body", () => {
    const paths = openApiDocument().paths as Record<string, Record<string, never>>;
    const list = paths["/project/list"]?.get as unknown as { parameters: { name: string }[] };
    expect(list.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["teamId"]));
    const decide = paths["/record/decide"]?.post as unknown as {
      requestBody: { content: { "application/json": { schema: { required: string[] } } } };
    };
    expect(decide.requestBody.content["application/json"].schema.required).toEqual(
      expect.arrayContaining(["projectId", "chosenOptionKey", "rationale"]),
    );
  });

  it("is served at /api/v1/openapi.json, and as a page without scripts at /api/docs", async () => {
    const handler = restHandler(t.db, null);
    const json = await handler(new Request(`http://tradeoff.test${REST_PREFIX}/openapi.json`));
    expect(json.status).toBe(200);
    expect(((await json.json()) as { openapi: string }).openapi).toBe("3.1.0");
    const page = await handler(new Request("http://tradeoff.test/api/docs"));
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).not.toMatch(/<script|https?:\/\/(?!tradeoff)/i);
    for (const op of restOperations()) expect(html).toContain(`/api/v1${op.path}`);
    expect(apiDocsPage(openApiDocument())).toBe(html);
  });
});

describe("REST with an access token", () => {
  it("answers a query with the same data as tRPC, its input as query parameters", async () => {
    const { team, owner, token, handler } = await ownerOverRest("READ");
    const draft = await owner.api.project.create(blankInput(team.id));
    await owner.api.project.create(blankInput(team.id, { title: "Which cache?" }));
    await owner.api.project.open({ projectId: draft.id });

    const all = await handler(restRequest("project.list", { teamId: team.id }, bearer(token)));
    expect(all.status).toBe(200);
    const body = (await all.json()) as { items: { id: string }[] };
    expect(body.items.map((p) => p.id).sort()).toEqual(
      (await owner.api.project.list({ teamId: team.id })).items.map((p) => p.id).sort(),
    );

    const open = await handler(
      restRequest("project.list", { teamId: team.id, status: "OPEN" }, bearer(token)),
    );
    expect(((await open.json()) as { items: { id: string }[] }).items.map((p) => p.id)).toEqual([
      draft.id,
    ]);
  });

  it("carries out a change with a read-write token, and refuses it to a read token", async () => {
    const { team, owner } = await teamWith(t);
    const project = await owner.api.project.create(blankInput(team.id));
    const handler = restHandler(t.db, null);
    const openWith = async (scope: "READ" | "READ_WRITE") =>
      handler(
        restRequest(
          "project.open",
          { projectId: project.id },
          bearer(await tokenFor(owner.api, scope)),
        ),
      );

    const read = await openWith("READ");
    expect(read.status).toBe(403);
    expect(read.headers.get("content-type")).toBe("application/problem+json");
    expect(await read.json()).toMatchObject({
      type: "about:blank",
      title: "Forbidden",
      status: 403,
      code: "FORBIDDEN",
      detail: expect.stringMatching(/can only read/),
    });
    expect((await owner.api.project.get({ projectId: project.id })).status).toBe("DRAFT");

    const write = await openWith("READ_WRITE");
    expect(write.status).toBeLessThan(300);
    expect((await owner.api.project.get({ projectId: project.id })).status).toBe("OPEN");
  });

  it("creates a decision once per Idempotency-Key header, answering a repeat with the first", async () => {
    const { team, owner, token, handler } = await ownerOverRest("READ_WRITE");
    const key = "7f3e2d1c-0b9a-4c8d-8e7f-6a5b4c3d2e1f";
    const send = (headers: Record<string, string>, input: Record<string, unknown> = {}) =>
      handler(
        restRequest(
          "project.create",
          blankInput(team.id, { title: "Created over REST", ...input }),
          { ...bearer(token), ...headers },
        ),
      );
    const [first, second] = await Promise.all([
      send({ "idempotency-key": key }),
      send({ "idempotency-key": key }),
    ]);
    const retried = await send({ "Idempotency-Key": key });
    expect(first.status).toBe(200);
    const created = (await first.json()) as { id: string };
    expect(await second.json()).toEqual(created);
    expect(await retried.json()).toEqual(created);
    expect(await t.db.project.count({ where: { teamId: team.id } })).toBe(1);

    // The key in the body works the same; one that differs from the header's is refused.
    expect(await (await send({}, { idempotencyKey: key })).json()).toEqual(created);
    const clash = await send(
      { "idempotency-key": key },
      { idempotencyKey: "1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d" },
    );
    expect(clash.status).toBe(400);
    expect(await clash.json()).toMatchObject({
      code: "BAD_REQUEST",
      detail: expect.stringMatching(/Idempotency-Key header.*idempotencyKey/),
    });
    const notUuid = await send({ "idempotency-key": "retry-1" });
    expect(notUuid.status).toBe(400);
    expect(await notUuid.json()).toMatchObject({
      fieldErrors: { idempotencyKey: [expect.stringMatching(/UUID/)] },
    });
    // An operation that is not deduplicated says so instead of ignoring the header.
    const project = await owner.api.project.create(blankInput(team.id, { title: "Other" }));
    const open = await handler(
      restRequest(
        "project.open",
        { projectId: project.id },
        { ...bearer(token), "idempotency-key": key },
      ),
    );
    expect(open.status).toBe(400);
    expect(await open.json()).toMatchObject({ detail: expect.stringMatching(/Idempotency-Key/) });
    expect(await t.db.project.count({ where: { teamId: team.id } })).toBe(2);
  });

  it("adds a comment once per Idempotency-Key header, answering a repeat with the first", async () => {
    const { team, owner, token, handler } = await ownerOverRest("READ_WRITE");
    const project = await owner.api.project.create(blankInput(team.id));
    const key = "2d1c0b9a-8f7e-4d6c-8b5a-4f3e2d1c0b9a";
    const send = () =>
      handler(
        restRequest(
          "comment.create",
          { projectId: project.id, body: "Written over REST" },
          { ...bearer(token), "Idempotency-Key": key },
        ),
      );
    const [first, second] = await Promise.all([send(), send()]);
    const retried = await send();
    expect(first.status).toBe(200);
    const created = (await first.json()) as { id: string };
    expect(await second.json()).toEqual(created);
    expect(await retried.json()).toEqual(created);
    expect(await t.db.comment.count({ where: { projectId: project.id } })).toBe(1);
    // The OpenAPI document lists the header on adding a comment.
    const doc = (await (
      await handler(new Request(`http://tradeoff.test${REST_PREFIX}/openapi.json`))
    ).json()) as { paths: Record<string, { post?: { parameters?: { name: string }[] } }> };
    expect(doc.paths["/comment/create"]?.post?.parameters?.map((p) => p.name)).toContain(
      "Idempotency-Key",
    );
  });

  it("answers a share link's repeated Idempotency-Key with 409, since its address is shown once", async () => {
    const { team, owner, token, handler } = await ownerOverRest("READ_WRITE");
    const project = await owner.api.project.create(blankInput(team.id));
    const send = () =>
      handler(
        restRequest(
          "share.create",
          { projectId: project.id },
          { ...bearer(token), "Idempotency-Key": "4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a" },
        ),
      );
    const first = await send();
    expect(first.status).toBe(200);
    const link = (await first.json()) as { id: string; token: string };
    const repeat = await send();
    expect(repeat.status).toBe(409);
    const problem = (await repeat.json()) as { code: string; detail: string };
    expect(problem).toMatchObject({ code: "CONFLICT", detail: expect.stringContaining(link.id) });
    expect(problem.detail).not.toContain(link.token);
    expect(await t.db.shareLink.count({ where: { projectId: project.id } })).toBe(1);
  });

  it("answers bad input with problem details naming each field, and writes nothing", async () => {
    const { team, token, handler } = await ownerOverRest("READ_WRITE");
    const res = await handler(
      restRequest("project.create", { ...blankInput(team.id), title: "" }, bearer(token)),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await res.json()) as { detail: string; fieldErrors: Record<string, string[]> };
    expect(problem.detail).toBe("Some fields need attention.");
    expect(problem.fieldErrors.title?.[0]).toBeTruthy();
    expect(await t.db.project.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("pages with the cursor it answers, sent as written, as its description says", async () => {
    const { team, owner, token, handler } = await ownerOverRest("READ");
    const project = await owner.api.project.create(blankInput(team.id));
    await owner.api.project.open({ projectId: project.id });
    for (const criterionKey of ["ops", "ordering"]) {
      await owner.api.vote.cast({ projectId: project.id, criterionKey, weight: 3, scores: {} });
    }
    const page = async (cursor?: string) => {
      const res = await handler(
        restRequest("history.list", { projectId: project.id, limit: 1, cursor }, bearer(token)),
      );
      expect(res.status).toBe(200);
      return (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
    };
    const first = await page();
    expect(first.nextCursor).toMatch(/^\d+$/);
    // `?cursor=41`: the digits as answered, not the JSON string `"41"`.
    const second = await page(first.nextCursor ?? undefined);
    expect(second.items).toHaveLength(1);
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    const paths = openApiDocument().paths as Record<string, { get: { parameters: object[] } }>;
    expect(paths["/history/list"]?.get.parameters).toContainEqual(
      expect.objectContaining({ name: "cursor", in: "query", schema: expect.anything() }),
    );
  });

  it("names the missing fields of a query sent without any parameter", async () => {
    const { token, handler } = await ownerOverRest("READ");
    const res = await handler(restRequest("project.list", undefined, bearer(token)));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { teamId: [expect.any(String)] },
    });
  });

  it("refuses a query parameter the operation does not take, naming it and the ones it takes", async () => {
    const { team, token, handler } = await ownerOverRest("READ");
    // A misspelt `status` must not quietly answer every decision as if it had been understood.
    const typo = await handler(
      restRequest("project.list", { teamId: team.id, staus: "OPEN" }, bearer(token)),
    );
    expect(typo.status).toBe(400);
    const problem = (await typo.json()) as { detail: string; fieldErrors: object; code: string };
    expect(problem.code).toBe("BAD_REQUEST");
    expect(problem.fieldErrors).toEqual({ staus: ["This operation has no such parameter."] });
    expect(problem.detail).toBe(
      "/api/v1/project/list takes no parameter staus. Its parameters are: cursor, limit, q, recordStatus, status, tag, teamId.",
    );
    const none = await handler(restRequest("team.list", { page: 2 }, bearer(token)));
    expect(none.status).toBe(400);
    expect(((await none.json()) as { detail: string }).detail).toBe(
      "/api/v1/team/list takes no parameter page. It takes no parameters.",
    );
    const fine = await handler(restRequest("project.list", { teamId: team.id }, bearer(token)));
    expect(fine.status).toBe(200);
  });

  it("names the choices of a field given an unknown one, and the kind of value a field wants", async () => {
    const { team, owner, token, handler } = await ownerOverRest("READ_WRITE");
    const list = await handler(
      restRequest("project.list", { teamId: team.id, status: "FINISHED" }, bearer(token)),
    );
    expect(list.status).toBe(400);
    expect(((await list.json()) as { fieldErrors: object }).fieldErrors).toEqual({
      status: ['Choose one of "DRAFT", "OPEN", "DECIDED", "SUPERSEDED", "ARCHIVED".'],
    });
    const project = await owner.api.project.create(blankInput(team.id));
    const share = await handler(
      restRequest("share.create", { projectId: project.id, showVotes: "yes" }, bearer(token)),
    );
    expect(share.status).toBe(400);
    expect(((await share.json()) as { fieldErrors: object }).fieldErrors).toMatchObject({
      showVotes: ["Send true or false here, not text."],
    });
  });

  it("says a change's body is not valid JSON, and where", async () => {
    const { token, handler } = await ownerOverRest("READ_WRITE");
    for (const body of ["{bad", ""]) {
      const res = await handler(
        new Request(`http://tradeoff.test${REST_PREFIX}/vote/cast`, {
          method: "POST",
          headers: { "content-type": "application/json", ...bearer(token) },
          body,
        }),
      );
      expect(res.status, body).toBe(400);
      expect(((await res.json()) as { detail: string }).detail, body).toMatch(
        /^The body is not valid JSON \(.+\)\. Send the input as one JSON object\.$/,
      );
    }
  });

  it("says so when a change's body is JSON but not an object of fields", async () => {
    const { token, handler } = await ownerOverRest("READ_WRITE");
    for (const body of [[], null, "vote"]) {
      const res = await handler(restRequest("vote.cast", body, bearer(token)));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toBe(
        "The input must be an object of named fields (JSON); this one is not.",
      );
    }
  });

  it("says which date is not a date, in words, for a review date, a link's expiry and a moment", async () => {
    const { team, owner, token, handler } = await ownerOverRest("READ_WRITE");
    const project = await owner.api.project.create(blankInput(team.id));
    const projectId = project.id;
    for (const [procedure, input, fieldErrors] of [
      [
        "record.decide",
        { projectId, chosenOptionKey: "kafka", rationale: "x", reviewDate: "2027-13-45" },
        {
          reviewDate: [
            "The review date has no day 2027-13-45 in the calendar: check the month and day (for example 2027-03-31).",
          ],
        },
      ],
      [
        "share.create",
        { projectId, expiresAt: "tomorrow" },
        {
          expiresAt: [
            "The expiry date is not a date: write it as YYYY-MM-DD (for example 2027-02-28).",
          ],
        },
      ],
      // A number is not a moment of the history (it was read as milliseconds since 1970).
      [
        "history.at",
        { projectId, at: "0" },
        {
          at: [
            "The moment is not a date: write it as YYYY-MM-DD (for example 2026-12-01T09:30:00Z).",
          ],
        },
      ],
    ] as const) {
      const res = await handler(restRequest(procedure, input, bearer(token)));
      expect(res.status, procedure).toBe(400);
      expect(((await res.json()) as { fieldErrors: object }).fieldErrors, procedure).toEqual(
        fieldErrors,
      );
    }
  });

  it("refuses an unknown token with 401 and says how to get a new one", async () => {
    const res = await restHandler(
      t.db,
      null,
    )(restRequest("team.list", undefined, bearer("tro_not-a-real-token")));
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await res.json()).toMatchObject({
      code: "UNAUTHORIZED",
      detail: expect.stringMatching(/Account > Access tokens/),
    });
  });

  it("answers only statuses its description lists: 412 to confirm, 415 for a body not JSON", async () => {
    const { team, owner, token, handler } = await ownerOverRest("READ_WRITE");
    const project = await owner.api.project.create(blankInput(team.id));
    await owner.api.project.open({ projectId: project.id });
    await owner.api.project.close({ projectId: project.id });
    const paths = openApiDocument().paths as Record<
      string,
      { post: { responses: Record<string, unknown> } }
    >;
    const listed = (path: string) => Object.keys(paths[path]?.post.responses ?? {});
    // Nobody voted: the recommendation is provisional, which decide asks to confirm.
    const provisional = await handler(
      restRequest(
        "record.decide",
        { projectId: project.id, chosenOptionKey: "kafka", rationale: "Ordering." },
        bearer(token),
      ),
    );
    expect(provisional.status).toBe(412);
    expect(listed("/record/decide")).toContain("412");
    const notJson = await handler(
      new Request(`http://tradeoff.test${REST_PREFIX}/project/open`, {
        method: "POST",
        headers: { "content-type": "text/plain", ...bearer(token) },
        body: JSON.stringify({ projectId: project.id }),
      }),
    );
    expect(notJson.status).toBe(415);
    expect(listed("/project/open")).toContain("415");
  });

  it("answers HEAD on a query as it answers GET, as HTTP asks of every server", async () => {
    const { team, token, handler } = await ownerOverRest("READ");
    const url = `http://tradeoff.test${REST_PREFIX}/project/list?teamId=${team.id}`;
    const head = await handler(new Request(url, { method: "HEAD", headers: bearer(token) }));
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe("application/json");
  });

  it("tells a caller without a token how to send one, with a Bearer challenge", async () => {
    const res = await restHandler(t.db, null)(restRequest("team.list", undefined));
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await res.json()).toMatchObject({
      code: "UNAUTHORIZED",
      detail: expect.stringMatching(/Authorization: Bearer <token>.*Account > Access tokens/),
    });
  });

  it("answers an unknown path with 404 and a wrong method with 405, as problem details", async () => {
    const handler = restHandler(t.db, null);
    const missing = await handler(new Request(`http://tradeoff.test${REST_PREFIX}/token/create`));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { detail: string }).detail).toMatch(/openapi\.json/);

    const wrong = await handler(
      new Request(`http://tradeoff.test${REST_PREFIX}/project/list`, { method: "POST" }),
    );
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET, HEAD");
    expect(wrong.headers.get("content-type")).toBe("application/problem+json");
  });

  it("carries the request id on its own refusals, the caller's when it sent one", async () => {
    const handler = restHandler(t.db, null);
    const at = (path: string, init: RequestInit = {}) =>
      handler(new Request(`http://tradeoff.test${REST_PREFIX}${path}`, init));
    const refusals = [
      await at("/project/list", { method: "POST" }),
      await at("/no/such"),
      await at("/team/list?color=red"),
      await at("/openapi.json", { method: "POST" }),
      await at("/project/open", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": "not-taken" },
        body: "{}",
      }),
    ];
    for (const res of refusals) {
      const id = res.headers.get("x-request-id");
      expect(id ?? "", `${res.status}`).toMatch(/^[0-9a-f-]{36}$/);
      expect(((await res.json()) as { requestId?: string }).requestId).toBe(id);
    }
    const given = await at("/project/list", {
      method: "POST",
      headers: { "x-request-id": "caller-chosen-id-1" },
    });
    expect(given.headers.get("x-request-id")).toBe("caller-chosen-id-1");
    expect(await given.json()).toMatchObject({ requestId: "caller-chosen-id-1" });
  });

  it("lists in the description the 405 every operation answers to another method", async () => {
    const handler = restHandler(t.db, null);
    const paths = openApiDocument().paths as Record<
      string,
      Record<string, { responses: Record<string, { description: string }> }>
    >;
    for (const op of restOperations()) {
      const described = paths[op.path]?.[op.method.toLowerCase()];
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        if (method === op.method) continue;
        const res = await handler(
          new Request(`http://tradeoff.test${REST_PREFIX}${op.path}`, { method }),
        );
        expect(res.status, `${method} ${op.path}`).toBe(405);
        expect(described?.responses[String(res.status)]?.description, op.path).toContain(
          `only with ${op.method}`,
        );
      }
    }
  });
});

describe("team administration with an access token", () => {
  /** POST /api/trpc/<path> with the token, as the CLI sends it, resolved as the web server does. */
  async function trpcWithToken(token: string, path: string, input: unknown) {
    const req = new Request(`http://tradeoff.test/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...bearer(token) },
      body: JSON.stringify(input),
    });
    const auth = await authenticateRequest(t.db, req);
    if (auth.kind !== "token") throw new Error(`the token was not accepted: ${auth.kind}`);
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      createContext: () => createContextInner({ db: t.db, user: auth.user, credential: "token" }),
    });
  }

  it("is refused to a team admin's read-write token: not served over REST, 403 over tRPC", async () => {
    const { team, people } = await teamWith(t, ["ADMIN", "VIEWER"]);
    const [, admin, viewer] = people;
    if (!admin || !viewer) throw new Error("team members missing");
    const token = await tokenFor(admin.api, "READ_WRITE");
    const promote = { teamId: team.id, userId: viewer.id, role: "ADMIN" };

    const served = restOperations().map((op) => op.procedure);
    for (const procedure of [
      "member.changeRole",
      "member.remove",
      "invitation.create",
      "webhook.create",
      "team.rename",
      "team.delete",
      "audit.list",
    ]) {
      expect(served).not.toContain(procedure);
    }
    const rest = await restHandler(
      t.db,
      null,
    )(
      new Request(`http://tradeoff.test${REST_PREFIX}/member/changeRole`, {
        method: "POST",
        headers: { "content-type": "application/json", ...bearer(token) },
        body: JSON.stringify(promote),
      }),
    );
    expect(rest.status).toBe(404);

    const trpc = await trpcWithToken(token, "member.changeRole", promote);
    expect(trpc.status).toBe(403);
    const body = (await trpc.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(
      /^Access tokens cannot manage teams.*Sign in to Tradeoff in the browser/,
    );
    const membership = await t.db.membership.findFirstOrThrow({
      where: { teamId: team.id, userId: viewer.id },
    });
    expect(membership.role).toBe("VIEWER");

    // The same token still works on the team's decisions.
    const created = await trpcWithToken(token, "project.create", blankInput(team.id));
    expect(created.status).toBe(200);
  });
});

describe("the CLI and the REST API", () => {
  it("the CLI calls only procedures the REST API serves", async () => {
    const { readdir, readFile } = await import("node:fs/promises");
    const { join } = await import("node:path");
    const root = join(import.meta.dirname, "..", "..", "..", "apps", "cli", "src");
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith(".ts"));
    const called = new Set<string>();
    for (const file of files) {
      const text = await readFile(join(root, file), "utf8");
      for (const match of text.matchAll(/client\.(\w+)\.(\w+)\.(?:query|mutate)\(/g)) {
        called.add(`${match[1]}.${match[2]}`);
      }
    }
    expect(called.size).toBeGreaterThan(10);
    const served = new Set(restOperations().map((op) => op.procedure));
    expect([...called].filter((p) => !served.has(p))).toEqual([]);
  });
});
