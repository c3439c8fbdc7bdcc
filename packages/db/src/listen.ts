import pg from "pg";

export type Notification = { channel: string; payload: string };

export type ListenerOptions = {
  url: string;
  channels: readonly string[];
  onNotification: (notification: Notification) => void;
  /**
   * Called after every (re)connection once LISTEN is in place. Notifications sent while the
   * connection was down are lost, so subscribers catch up from the table here.
   */
  onConnected?: (info: { reconnect: boolean }) => void;
  onError?: (error: unknown) => void;
  /** First and longest wait between reconnection attempts, in milliseconds. */
  backoff?: { minMs: number; maxMs: number };
};

/**
 * One dedicated PostgreSQL connection per app instance that LISTENs on a few channels: the one
 * place outside Prisma where the app holds a connection of its own. Pooled connections cannot
 * LISTEN (a pool hands them to other queries, and Prisma's pool is not ours to hold), so it is
 * a node-postgres `Client` made with its public constructor. It reconnects with exponential
 * backoff and LISTENs again after each reconnection.
 */
export class PgListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private attempt = 0;
  private connectedOnce = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private ready: Promise<void>;
  private markReady!: () => void;

  constructor(private readonly options: ListenerOptions) {
    this.ready = new Promise((resolve) => {
      this.markReady = resolve;
    });
  }

  /** Resolves once the first LISTEN is in place (it keeps retrying in the background until then). */
  start(): Promise<void> {
    void this.connect();
    return this.ready;
  }

  get connected(): boolean {
    return this.client !== null;
  }

  /** Sends a notification over the listening connection; false when it is down right now. */
  async notify(channel: string, payload: string): Promise<boolean> {
    const client = this.client;
    if (!client) return false;
    try {
      await this.serially(() => client.query("SELECT pg_notify($1, $2)", [channel, payload]));
      return true;
    } catch {
      return false;
    }
  }

  /** A query over the listening connection (the polling fallback uses it); throws when down. */
  async query<T>(sql: string, params: unknown[]): Promise<T[]> {
    const client = this.client;
    if (!client) throw new Error("The listening connection is down.");
    const result = await this.serially(() => client.query(sql, params));
    return result.rows as T[];
  }

  /** One connection runs one query at a time: callers queue here rather than inside pg. */
  private tail: Promise<unknown> = Promise.resolve();
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => {});
    return run;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.options.url,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      // Named, so an operator can tell the listening connections apart in pg_stat_activity.
      application_name: "tradeoff-live-listener",
    });
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      if (this.client === client) this.client = null;
      client.removeAllListeners("notification");
      client.end().catch(() => {});
      if (!this.stopped) {
        this.options.onError?.(error);
        this.scheduleReconnect();
      }
    };
    client.on("error", fail);
    client.on("end", () => fail(new Error("The listening connection closed.")));
    client.on("notification", (message) => {
      this.options.onNotification({ channel: message.channel, payload: message.payload ?? "" });
    });
    try {
      await client.connect();
      for (const channel of this.options.channels) {
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
    } catch (error) {
      fail(error);
      return;
    }
    if (this.stopped || failed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.attempt = 0;
    const reconnect = this.connectedOnce;
    this.connectedOnce = true;
    this.options.onConnected?.({ reconnect });
    this.markReady();
  }

  private scheduleReconnect() {
    const { minMs, maxMs } = this.options.backoff ?? { minMs: 250, maxMs: 10_000 };
    const delay = Math.min(maxMs, minMs * 2 ** this.attempt);
    this.attempt++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
    this.retryTimer.unref();
  }
}

/**
 * Sends one notification on a short-lived connection of its own (not the listening one): how an
 * instance checks that the database delivers notifications between connections at all.
 */
export async function notifyOnce(url: string, channel: string, payload: string): Promise<void> {
  const sender = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await sender.connect();
    await sender.query("SELECT pg_notify($1, $2)", [channel, payload]);
  } finally {
    await sender.end().catch(() => {});
  }
}
