import { createServer } from "node:net";

/** True when nothing listens on 127.0.0.1:`port` right now. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

const taken = new Set<number>();

/**
 * A free port in [from, to] that this process has not handed out yet (a stopped server's port
 * is not reused by the next one, so a late connection never reaches the wrong server).
 */
export async function freePort(from: number, to: number): Promise<number> {
  const start = from + Math.floor(Math.random() * (to - from + 1));
  for (let i = 0; i <= to - from; i++) {
    const port = from + ((start - from + i) % (to - from + 1));
    if (taken.has(port)) continue;
    if (await portIsFree(port)) {
      taken.add(port);
      return port;
    }
  }
  throw new Error(`No free port between ${from} and ${to}.`);
}

/** App servers of the fault tests listen in 3400-3499, their PostgreSQL in 55432-55499. */
export const appPort = () => freePort(3400, 3499);
export const postgresPort = () => freePort(55432, 55499);
