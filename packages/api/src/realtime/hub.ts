import { randomUUID } from "node:crypto";
import { type Notification, notifyOnce, PgListener } from "@tradeoff/db/listen";

/** What a project's subscribers are told; they read the rows themselves, with their own rights. */
export type HubSignal =
  /** A new event, or (`updated`) an event rewritten in place: a vote folded into its entry. */
  | { type: "event"; id: bigint; updated?: boolean }
  /** Notifications may have been missed (the listening connection was down): re-read the table. */
  | { type: "resync" }
  /** Who is viewing the project changed. */
  | { type: "presence" };

type Listener = (signal: HubSignal) => void;

export const EVENTS_CHANNEL = "project_events";
export const PRESENCE_CHANNEL = "project_presence";
/** A member's inbox changed; the payload is their user id. */
export const INBOX_CHANNEL = "user_notifications";
const PROBE_CHANNEL = "tradeoff_listen_probe";

export type HubOptions = {
  url: string;
  /** How often each instance re-announces its viewers, and how long an announcement lasts. */
  presence?: { heartbeatMs: number; ttlMs: number };
  /** Polling period when the database does not deliver notifications (embedded PGlite). */
  pollMs?: number;
  onError?: (error: unknown) => void;
};

/**
 * An app instance's realtime hub: one LISTEN connection, and in-process fan-out of its
 * notifications to the subscribers of each project. Presence travels on its own channel: each
 * instance announces the users viewing a project through it (on join, on leave, and as a
 * heartbeat), so every instance knows every viewer and forgets an instance that went silent.
 *
 * The embedded database (PGlite) is one backend shared by all connections and hands a
 * notification to the connection that sent it, so no LISTEN connection ever hears it. The hub
 * detects that when it starts and then polls the events table instead (one indexed query per
 * period); only one process can use an embedded database, so local presence is complete there.
 */
export class RealtimeHub {
  readonly instanceId = randomUUID();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly inboxListeners = new Map<string, Set<() => void>>();
  private pollInboxFrom: bigint | null = null;
  /** While polling: each listening member's unread count at the last poll. */
  private pollUnread = new Map<string, number>();
  private readonly localViewers = new Map<string, Map<string, number>>();
  private readonly remoteViewers = new Map<
    string,
    Map<string, { users: string[]; expiresAt: number }>
  >();
  private readonly listener: PgListener;
  private readonly timers: NodeJS.Timeout[] = [];
  private probeToken: string | null = null;
  private probeHeard: (() => void) | null = null;
  private polling = false;
  private pollFrom: bigint | null = null;
  private pollBusy = false;
  private readonly heartbeatMs: number;
  private readonly ttlMs: number;

  constructor(private readonly options: HubOptions) {
    this.heartbeatMs = options.presence?.heartbeatMs ?? 10_000;
    this.ttlMs = options.presence?.ttlMs ?? 25_000;
    this.listener = new PgListener({
      url: options.url,
      channels: [EVENTS_CHANNEL, PRESENCE_CHANNEL, INBOX_CHANNEL, PROBE_CHANNEL],
      onNotification: (n) => this.onNotification(n),
      onConnected: ({ reconnect }) => {
        if (!reconnect) return;
        for (const set of this.listeners.values()) for (const l of set) l({ type: "resync" });
        for (const set of this.inboxListeners.values()) for (const l of set) l();
        for (const projectId of this.localViewers.keys()) this.announce(projectId, true);
      },
      onError: options.onError,
    });
  }

  /** Connects, checks that notifications arrive (else polls), and starts the presence heartbeat. */
  async start(): Promise<void> {
    await this.listener.start();
    this.polling = !(await this.notificationsArrive());
    if (this.polling) {
      const poll = setInterval(() => void this.poll(), this.options.pollMs ?? 250);
      poll.unref();
      this.timers.push(poll);
    }
    const heartbeat = setInterval(() => {
      for (const projectId of this.localViewers.keys()) this.announce(projectId, false);
    }, this.heartbeatMs);
    const sweep = setInterval(() => this.sweepPresence(), Math.min(5_000, this.ttlMs / 2));
    heartbeat.unref();
    sweep.unref();
    this.timers.push(heartbeat, sweep);
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers.length = 0;
    for (const projectId of [...this.localViewers.keys()]) {
      this.localViewers.delete(projectId);
      await this.announce(projectId, false);
    }
    await this.listener.stop();
  }

  get mode(): "notify" | "poll" {
    return this.polling ? "poll" : "notify";
  }

  /** Registers a subscriber of one project; the returned function removes it. */
  subscribe(projectId: string, listener: Listener): () => void {
    return addListener(this.listeners, projectId, listener);
  }

  /** Registers a listener of one member's inbox; the returned function removes it. */
  subscribeInbox(userId: string, listener: () => void): () => void {
    return addListener(this.inboxListeners, userId, listener);
  }

  /** Marks `userId` as viewing the project from this instance; the returned function undoes it. */
  join(projectId: string, userId: string): () => void {
    let users = this.localViewers.get(projectId);
    if (!users) {
      users = new Map();
      this.localViewers.set(projectId, users);
    }
    const before = users.get(userId) ?? 0;
    users.set(userId, before + 1);
    if (before === 0) {
      this.emit(projectId, { type: "presence" });
      void this.announce(projectId, true);
    }
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const current = this.localViewers.get(projectId);
      const count = current?.get(userId) ?? 0;
      if (!current || count === 0) return;
      if (count > 1) {
        current.set(userId, count - 1);
        return;
      }
      current.delete(userId);
      if (current.size === 0) this.localViewers.delete(projectId);
      this.emit(projectId, { type: "presence" });
      void this.announce(projectId, false);
    };
  }

  /** User ids viewing the project now, on any instance. */
  viewers(projectId: string): string[] {
    const users = new Set(this.localViewers.get(projectId)?.keys() ?? []);
    const now = Date.now();
    for (const entry of this.remoteViewers.get(projectId)?.values() ?? []) {
      if (entry.expiresAt > now) for (const user of entry.users) users.add(user);
    }
    return [...users].sort();
  }

  /** Open subscriptions on this instance: a stream that ended must not stay counted. */
  stats(): { listeners: number; projects: number; viewers: number; mode: "notify" | "poll" } {
    let listeners = 0;
    for (const set of this.listeners.values()) listeners += set.size;
    for (const set of this.inboxListeners.values()) listeners += set.size;
    let viewers = 0;
    for (const users of this.localViewers.values()) {
      for (const count of users.values()) viewers += count;
    }
    return { listeners, projects: this.listeners.size, viewers, mode: this.mode };
  }

  private emit(projectId: string, signal: HubSignal) {
    for (const listener of this.listeners.get(projectId) ?? []) listener(signal);
  }

  private onNotification({ channel, payload }: Notification) {
    try {
      if (channel === EVENTS_CHANNEL) {
        const { id, projectId, updated } = JSON.parse(payload) as {
          id: string;
          projectId: string;
          updated?: boolean;
        };
        this.emit(projectId, { type: "event", id: BigInt(id), ...(updated ? { updated } : {}) });
      } else if (channel === INBOX_CHANNEL) {
        for (const listener of this.inboxListeners.get(payload) ?? []) listener();
      } else if (channel === PRESENCE_CHANNEL) {
        this.onPresence(JSON.parse(payload) as PresenceMessage);
      } else if (channel === PROBE_CHANNEL && payload === this.probeToken) {
        this.probeHeard?.();
      }
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  private onPresence(message: PresenceMessage) {
    if (message.i === this.instanceId) return;
    if (message.k === "ask") {
      if (this.localViewers.has(message.p)) void this.announce(message.p, false);
      return;
    }
    let instances = this.remoteViewers.get(message.p);
    if (!instances) {
      instances = new Map();
      this.remoteViewers.set(message.p, instances);
    }
    const previous = instances.get(message.i)?.users.join(",");
    if (message.u.length === 0) instances.delete(message.i);
    else instances.set(message.i, { users: message.u, expiresAt: Date.now() + this.ttlMs });
    if (instances.size === 0) this.remoteViewers.delete(message.p);
    if (previous !== message.u.join(",")) this.emit(message.p, { type: "presence" });
  }

  /** Tells the other instances who views `projectId` here; `ask` also requests their viewers. */
  private async announce(projectId: string, ask: boolean) {
    if (this.polling) return;
    const users = [...(this.localViewers.get(projectId)?.keys() ?? [])].sort();
    const here: PresenceMessage = { k: "here", p: projectId, i: this.instanceId, u: users };
    await this.listener.notify(PRESENCE_CHANNEL, JSON.stringify(here));
    if (ask) {
      const question: PresenceMessage = { k: "ask", p: projectId, i: this.instanceId, u: [] };
      await this.listener.notify(PRESENCE_CHANNEL, JSON.stringify(question));
    }
  }

  private sweepPresence() {
    const now = Date.now();
    for (const [projectId, instances] of this.remoteViewers) {
      let changed = false;
      for (const [instance, entry] of instances) {
        if (entry.expiresAt <= now) {
          instances.delete(instance);
          changed = true;
        }
      }
      if (instances.size === 0) this.remoteViewers.delete(projectId);
      if (changed) this.emit(projectId, { type: "presence" });
    }
  }

  /** Sends a notification from another connection and waits briefly to hear it. */
  private async notificationsArrive(): Promise<boolean> {
    this.probeToken = randomUUID();
    const heard = new Promise<boolean>((resolve) => {
      this.probeHeard = () => resolve(true);
      setTimeout(() => resolve(false), 1_500).unref();
    });
    await notifyOnce(this.options.url, PROBE_CHANNEL, this.probeToken).catch((error: unknown) =>
      this.options.onError?.(error),
    );
    const result = await heard;
    this.probeHeard = null;
    return result;
  }

  private async maxEventId(): Promise<bigint> {
    const rows = await this.query<{ max: string | null }>(
      "SELECT max(id)::text AS max FROM project_events",
      [],
    );
    return BigInt(rows[0]?.max ?? "0");
  }

  private async poll() {
    if (this.pollBusy) return;
    await this.pollInbox();
    if (this.listeners.size === 0) {
      this.pollFrom = null;
      return;
    }
    this.pollBusy = true;
    try {
      if (this.pollFrom === null) {
        // Nobody listened while idle: start from now and let subscribers re-read what they missed.
        this.pollFrom = await this.maxEventId();
        for (const set of this.listeners.values()) for (const l of set) l({ type: "resync" });
        return;
      }
      const rows = await this.query<{ id: string; project_id: string }>(
        "SELECT id::text AS id, project_id FROM project_events WHERE id > $1 ORDER BY id LIMIT 1000",
        [this.pollFrom.toString()],
      );
      for (const row of rows) {
        const id = BigInt(row.id);
        this.pollFrom = id;
        this.emit(row.project_id, { type: "event", id });
      }
    } catch (error) {
      this.options.onError?.(error);
    } finally {
      this.pollBusy = false;
    }
  }

  /**
   * Without notifications, a member's inbox changed when it has new rows (found by id) or when
   * their unread count moved (read on another page or device): one query each per period. A
   * member who started listening since the last poll is always woken once, so a change made
   * between their stream's first count and this poll is not lost.
   */
  private async pollInbox() {
    if (this.inboxListeners.size === 0) {
      this.pollInboxFrom = null;
      this.pollUnread.clear();
      return;
    }
    try {
      const changed = new Set<string>();
      if (this.pollInboxFrom === null) {
        const rows = await this.query<{ max: string | null }>(
          "SELECT max(id)::text AS max FROM notifications",
          [],
        );
        this.pollInboxFrom = BigInt(rows[0]?.max ?? "0");
      } else {
        const rows = await this.query<{ id: string; user_id: string }>(
          "SELECT id::text AS id, user_id FROM notifications WHERE id > $1 ORDER BY id LIMIT 1000",
          [this.pollInboxFrom.toString()],
        );
        for (const row of rows) {
          this.pollInboxFrom = BigInt(row.id);
          changed.add(row.user_id);
        }
      }
      const users = [...this.inboxListeners.keys()];
      const counts = await this.query<{ user_id: string; unread: number }>(
        `SELECT user_id, count(*)::int AS unread FROM notifications
         WHERE user_id = ANY($1::text[]) AND read_at IS NULL GROUP BY user_id`,
        [users],
      );
      const unread = new Map(counts.map((row) => [row.user_id, Number(row.unread)]));
      const next = new Map<string, number>();
      for (const user of users) {
        const now = unread.get(user) ?? 0;
        // A listener new since the last poll counted before this poll's reads, so whatever
        // changed in between (a row below the starting id, a read) is found only by counting
        // again: wake it once; the stream tells its client only if the count moved.
        const before = this.pollUnread.get(user);
        if (before !== now) changed.add(user);
        next.set(user, now);
      }
      this.pollUnread = next;
      for (const user of changed) {
        for (const listener of this.inboxListeners.get(user) ?? []) listener();
      }
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.listener.query<T>(sql, params);
  }
}

type PresenceMessage = { k: "here" | "ask"; p: string; i: string; u: string[] };

/**
 * Adds `listener` to the set kept under `key`; the returned function removes it, and the set
 * once it is empty, so a map of listeners never keeps keys nobody listens to.
 */
function addListener<T>(map: Map<string, Set<T>>, key: string, listener: T): () => void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(listener);
  return () => {
    const current = map.get(key);
    if (!current) return;
    current.delete(listener);
    if (current.size === 0) map.delete(key);
  };
}
