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
