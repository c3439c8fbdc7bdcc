import type { AppRouter } from "@tradeoff/api";
import { createTRPCUntypedClient, TRPCClientError, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import { describe, expect, it, vi } from "vitest";
import { isTRPCClientError, messageOf } from "./errors";
import { ClientUnavailableError, LazyUntypedClient } from "./lazy-client";

/** A terminating link standing in for the HTTP ones: echoes the input, streams for subscriptions. */
const echo: TRPCLink<AppRouter> =
  () =>
  ({ op }) =>
    observable((observer) => {
      if (op.type !== "subscription") {
        observer.next({ result: { type: "data", data: { path: op.path, input: op.input } } });
        observer.complete();
        return;
      }
      observer.next({ result: { type: "started" } });
      const timer = setInterval(
        () => observer.next({ result: { type: "data", data: op.input } }),
        5,
      );
      return () => clearInterval(timer);
    });

/** Stands in for downloading ./links: counts downloads, and fails the next `offline` ones. */
function download(offline = 0) {
  const state = { downloads: 0, offline };
  const create = async () => {
    state.downloads++;
    if (state.offline > 0) {
      state.offline--;
      throw new TypeError("Failed to fetch dynamically imported module");
    }
    return createTRPCUntypedClient<AppRouter>({ links: [echo] });
  };
  return { state, create };
}

describe("LazyUntypedClient", () => {
  it("runs queries and mutations through @trpc/client, loaded with the first of them", async () => {
    const { state, create } = download();
    const client = new LazyUntypedClient(create);
    expect(state.downloads).toBe(0);
    await expect(client.query("project.get", { projectId: "p1" })).resolves.toEqual({
      path: "project.get",
      input: { projectId: "p1" },
    });
    await expect(client.mutation("vote.cast", { weight: 3 })).resolves.toEqual({
      path: "vote.cast",
      input: { weight: 3 },
    });
    expect(state.downloads).toBe(1);
  });

  it("downloads the client ahead of the first request when asked to, once", async () => {
    const { state, create } = download();
    const client = new LazyUntypedClient(create);
    client.preload();
    expect(state.downloads).toBe(1);
    await expect(client.query("project.get", 1)).resolves.toEqual({
      path: "project.get",
      input: 1,
    });
    expect(state.downloads).toBe(1);
  });

  it("leaves a failed download ahead of the first request to that request, which tries again", async () => {
    const { state, create } = download(1);
    const client = new LazyUntypedClient(create);
    client.preload();
    await new Promise((resolve) => setTimeout(resolve, 0)); // the download has failed
    expect(state.downloads).toBe(1);
    await expect(client.query("project.get", 1)).resolves.toEqual({
      path: "project.get",
      input: 1,
    });
    expect(state.downloads).toBe(2);
  });

  it("fails a request with ClientUnavailableError when the code cannot be downloaded, then tries again", async () => {
    const { state, create } = download(1);
    const client = new LazyUntypedClient(create);
    const failure = await client.query("project.get", {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ClientUnavailableError);
    expect(messageOf(failure)).toBe(
      "Could not reach Tradeoff. Check your connection and try again.",
    );
    await expect(client.query("project.get", 1)).resolves.toEqual({
      path: "project.get",
      input: 1,
    });
    expect(state.downloads).toBe(2);
  });

  it("streams a subscription once loaded, and never opens one stopped before that", async () => {
    const client = new LazyUntypedClient(download().create);
    const stopped = vi.fn();
    client.subscription("live.project", "early", { onData: stopped }).unsubscribe();

    const received: unknown[] = [];
    const subscription = client.subscription("live.project", "p1", {
      onData: (data) => received.push(data),
    });
    await vi.waitFor(() => expect(received.length).toBeGreaterThanOrEqual(2));
    subscription.unsubscribe();
    expect(received).toEqual(received.map(() => "p1"));
    expect(stopped).not.toHaveBeenCalled();
  });

  it("passes a failed download to the subscription's error handler", async () => {
    const onError = vi.fn();
    new LazyUntypedClient(download(1).create).subscription("live.project", "p1", { onError });
    await vi.waitFor(() => expect(onError).toHaveBeenCalledOnce());
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(ClientUnavailableError);
  });
});

describe("isTRPCClientError", () => {
  it("recognises the errors of @trpc/client without importing its class", () => {
    expect(isTRPCClientError(new TRPCClientError("refused"))).toBe(true);
    expect(isTRPCClientError(new Error("refused"))).toBe(false);
    expect(isTRPCClientError(new ClientUnavailableError(new Error("offline")))).toBe(false);
  });
});
