import type { PGlite } from "@electric-sql/pglite";

type Item = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

/** Parse, Bind, Describe, Execute, Close and Flush: messages of an unfinished extended query. */
const EXTENDED_QUERY = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);

/**
 * The order in which the embedded server hands client messages to its single PostgreSQL
 * backend. Connections share that backend, and with it the unnamed prepared statement: once a
 * connection has sent Parse, the backend must take only that connection's messages until its
 * Sync, or another connection's Parse replaces the statement before the first one's Bind
 * ("bind message supplies 3 parameters, but prepared statement requires 2"). The same holds for
 * the whole of a transaction. pglite-socket's own queue keeps transactions together but not
 * extended queries whose messages arrive over several network reads; this one keeps both.
 * It has the interface of pglite-socket's QueryQueueManager, which it replaces.
 */
export class ProtocolQueue {
  private queue: Item[] = [];
  private processing = false;
  /** The connection whose extended query is in progress. */
  private owner: number | null = null;
  private lastHandlerId: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void) {
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  private async process() {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const holder = this.owner ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = holder === null ? 0 : this.queue.findIndex((i) => i.handlerId === holder);
        // The holder's next message has not arrived yet: the others wait for it.
        if (index === -1) break;
        const [item] = this.queue.splice(index, 1);
        if (!item) break;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          this.owner = null;
          item.reject(error);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        const type = item.message[0];
        this.owner = type !== undefined && EXTENDED_QUERY.has(type) ? item.handlerId : null;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }

  getQueueLength() {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number) {
    this.queue = this.queue.filter((item) => {
      if (item.handlerId !== handlerId) return true;
      item.reject(new Error("Handler disconnected"));
      return false;
    });
    if (this.owner === handlerId) this.owner = null;
  }

  /** A connection that closes mid-transaction has its transaction rolled back. */
  async clearTransactionIfNeeded(handlerId: number) {
    if (this.db.isInTransaction() && this.lastHandlerId === handlerId) {
      await this.db.exec("ROLLBACK");
      this.lastHandlerId = null;
    }
    if (this.owner === handlerId) this.owner = null;
    await this.process();
  }
}
