import type { AppRouter } from "@tradeoff/api";
import type { TRPCUntypedClient } from "@trpc/client";

type Client = TRPCUntypedClient<AppRouter>;

/** A request failed before it was sent: the client's code could not be downloaded. */
export class ClientUnavailableError extends Error {
  constructor(cause: unknown) {
    super("The API client could not be loaded.", { cause });
    this.name = "ClientUnavailableError";
  }
}

/**
 * The pages' tRPC client. Pages render with their data from the server, so the client itself
 * (@trpc/client with the links and superjson of ./links.ts) is not part of the page: it loads
 * once the page has hydrated (`preload`), or with the first request if that comes first. Each
 * operation waits for it, then runs through it unchanged. If the code cannot be downloaded, the
 * operation fails with `ClientUnavailableError` and the next one tries again.
 *
 * In the browser, this class is what @trpc/tanstack-react-query gets as @trpc/client's
 * `TRPCUntypedClient` (./client.browser.ts), so its query and mutation options call it
 * directly. On the server nothing calls it: server components call procedures in-process and
 * client components do not fetch while they render there.
 */
export class LazyUntypedClient {
  readonly #create: () => Promise<Client>;
  #client: Promise<Client> | undefined;

  /** `create` downloads the client's code and makes the client (tests pass their own). */
  constructor(create = () => import("./links").then((links) => links.createUntypedClient())) {
    this.#create = create;
  }

  #load(): Promise<Client> {
    this.#client ??= this.#create().catch((cause: unknown) => {
      this.#client = undefined;
      throw new ClientUnavailableError(cause);
    });
    return this.#client;
  }

  /** Starts the download; a failure is left to the next request, which tries again. */
  preload(): void {
    this.#load().catch(() => {});
  }

  query: Client["query"] = (path, input, opts) =>
    this.#load().then((client) => client.query(path, input, opts));

  mutation: Client["mutation"] = (path, input, opts) =>
    this.#load().then((client) => client.mutation(path, input, opts));

  subscription: Client["subscription"] = (path, input, opts) => {
    let stopped = false;
    let subscription: ReturnType<Client["subscription"]> | undefined;
    this.#load().then(
      (client) => {
        if (!stopped) subscription = client.subscription(path, input, opts);
      },
      (error: ClientUnavailableError) => {
        // The observer's error type is the client's; its handlers only pass the error on.
        if (!stopped) opts.onError?.(error as never);
      },
    );
    return {
      unsubscribe() {
        stopped = true;
        subscription?.unsubscribe();
      },
    };
  };
}
