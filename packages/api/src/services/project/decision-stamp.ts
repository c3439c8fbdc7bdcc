import { type PrismaClient, statements } from "@tradeoff/db";

/**
 * A short fingerprint of everything a project's recommendation depends on (see
 * `statements.decisionStamp`). Equal stamps mean an equal recommendation, so a computed one can
 * be served again.
 */
export async function decisionStamp(db: PrismaClient, projectId: string): Promise<string | null> {
  const [row] = await statements.decisionStamp(db, { projectId });
  return row?.stamp ?? null;
}

/**
 * The last computed value per project and stamp, in this process. Bounded: the least recently
 * used project is dropped first. Stale entries are never served: a different stamp recomputes.
 */
export class StampedCache<T> {
  private readonly entries = new Map<string, { stamp: string; value: T }>();
  constructor(private readonly capacity: number) {}

  get(key: string, stamp: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.stamp !== stamp) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, stamp: string, value: T) {
    this.entries.delete(key);
    this.entries.set(key, { stamp, value });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  clear() {
    this.entries.clear();
  }
}
