import { expect, test } from "@playwright/test";
import { listenAddress, listenHostname } from "../../scripts/lib";

/**
 * The address `npm start` and `npm run dev` listen on. A trial on the embedded database seeds a
 * demo account whose password is in the README, so it must not be open to the network unless
 * asked; a deployment (its own DATABASE_URL) is reached through its network as before.
 */
test("a trial on the embedded database answers this computer only, unless HOST says otherwise", () => {
  expect(listenHostname({})).toBe("127.0.0.1");
  expect(listenHostname({ HOST: "" })).toBe("127.0.0.1");
  expect(listenAddress("127.0.0.1", 3000)).toEqual({
    url: "http://localhost:3000",
    reach: "Only this computer can open it; HOST=0.0.0.0 opens it to your network.",
  });
  expect(listenHostname({ HOST: "0.0.0.0" })).toBe("0.0.0.0");
  expect(listenAddress("0.0.0.0", 3000)).toEqual({
    url: "http://localhost:3000",
    reach: "Listening on every network interface: other computers that reach this one can open it.",
  });
  expect(listenHostname({ HOST: " ::1 " })).toBe("::1");
  expect(listenHostname({ HOST: "tradeoff.internal" })).toBe("tradeoff.internal");
  expect(listenAddress("192.168.1.20", 8080).url).toBe("http://192.168.1.20:8080");
});

test("a deployment listens on every interface; a HOST that is no address is refused, saying why", () => {
  expect(listenHostname({ DATABASE_URL: "postgres://db.internal/tradeoff" })).toBeUndefined();
  expect(
    listenHostname({ DATABASE_URL: "postgres://db.internal/tradeoff", HOST: "127.0.0.1" }),
  ).toBe("127.0.0.1");
  for (const bad of ["http://0.0.0.0", "0.0.0.0:3000", "my host", "-bad.example"])
    expect(() => listenHostname({ HOST: bad })).toThrow(
      `HOST must be an IP address or a host name, such as 127.0.0.1 (this computer only) or 0.0.0.0 (every network interface); got "${bad}".`,
    );
});
