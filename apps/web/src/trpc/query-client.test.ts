import { QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { makeQueryClient } from "./query-client";

describe("makeQueryClient", () => {
  it("refetches a query invalidated during its first load, so the answer follows the change", async () => {
    const client = makeQueryClient();
    let stored = "before the change";
    const answers: string[] = [];
    // Each fetch reads what is stored when it starts and answers a little later, as a server would.
    const queryFn = () => {
      const seen = stored;
      return new Promise<string>((resolve) => setTimeout(() => resolve(seen), 50));
    };
    const observer = new QueryObserver(client, { queryKey: ["pending"], queryFn });
    const unsubscribe = observer.subscribe((result) => {
      if (result.data) answers.push(result.data);
    });

    await new Promise((resolve) => setTimeout(resolve, 10)); // the first load is under way
    stored = "after the change";
    await client.invalidateQueries({ queryKey: ["pending"] });

    expect(client.getQueryData(["pending"])).toBe("after the change");
    expect(answers).not.toContain("before the change");
    unsubscribe();
    client.clear();
  });

  it("answers a one-off fetch that an invalidation crosses: nothing would refetch it for its caller", async () => {
    const client = makeQueryClient();
    // A page asked for once (the inbox's older page, a download): no observer watches its query.
    const queryFn = () =>
      new Promise<string>((resolve) => setTimeout(() => resolve("the older page"), 50));
    const fetched = client.fetchQuery({ queryKey: ["list", { before: "37" }], queryFn });

    await new Promise((resolve) => setTimeout(resolve, 10)); // the fetch is under way
    await client.invalidateQueries({ queryKey: ["list"] });

    await expect(fetched).resolves.toBe("the older page");
    client.clear();
  });
});

/** A query function whose answer is what is stored when it starts, given a little later. */
function server(initial: string) {
  const state = { stored: initial, calls: 0 };
  const queryFn = () => {
    state.calls++;
    const seen = state.stored;
    return new Promise<string>((resolve) => setTimeout(() => resolve(seen), 50));
  };
  return { state, queryFn };
}

const underWay = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("makeQueryClient's invalidateQueries keeps TanStack Query's options", () => {
  it.each([
    ["refetchType: 'none'", { refetchType: "none" as const }, {}],
    ["refetchType: 'inactive'", { refetchType: "inactive" as const }, {}],
    ["cancelRefetch: false", {}, { cancelRefetch: false }],
  ])(
    "with %s, a watched query's first load is kept and answers",
    async (_name, filters, options) => {
      const client = makeQueryClient();
      const { state, queryFn } = server("the first answer");
      const observer = new QueryObserver(client, { queryKey: ["pending"], queryFn });
      const unsubscribe = observer.subscribe(() => {});

      await underWay();
      state.stored = "after the change";
      await client.invalidateQueries({ queryKey: ["pending"], ...filters }, options);
      await new Promise((resolve) => setTimeout(resolve, 100));

      // Nothing asked for a new request: the load under way gives the query its data.
      expect(client.getQueryData(["pending"])).toBe("the first answer");
      expect(state.calls).toBe(1);
      unsubscribe();
      client.clear();
    },
  );

  it("with refetchType: 'all', a load of a query nobody watches is refetched, and its caller gets the answer that follows the change", async () => {
    const client = makeQueryClient();
    const { state, queryFn } = server("before the change");
    // A query asked for once that failed: the next fetch is not its first, so an invalidation
    // of every query, watched or not, refetches it.
    await expect(
      client.fetchQuery({
        queryKey: ["list"],
        queryFn: () => Promise.reject(new Error("offline")),
        retry: false,
      }),
    ).rejects.toThrow("offline");
    const fetched = client.fetchQuery({ queryKey: ["list"], queryFn, retry: false });

    await underWay();
    state.stored = "after the change";
    await client.invalidateQueries({ queryKey: ["list"], refetchType: "all" });

    await expect(fetched).resolves.toBe("after the change");
    expect(client.getQueryData(["list"])).toBe("after the change");
    client.clear();
  });

  it("refetches a watched query's first load with the default options, and its observer sees no error", async () => {
    const client = makeQueryClient();
    const { state, queryFn } = server("before the change");
    const observer = new QueryObserver(client, { queryKey: ["pending"], queryFn });
    const statuses: string[] = [];
    const unsubscribe = observer.subscribe((result) => statuses.push(result.status));

    await underWay();
    state.stored = "after the change";
    await client.invalidateQueries({ queryKey: ["pending"] });

    expect(client.getQueryData(["pending"])).toBe("after the change");
    expect(state.calls).toBe(2);
    expect(statuses).not.toContain("error");
    unsubscribe();
    client.clear();
  });
});
