import { once } from "node:events";
import { createServer, type Socket } from "node:net";
import EmailProvider from "next-auth/providers/email";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpMailer, smtpUrlWithTimeouts } from "../src/mail";

/** The smallest SMTP server that accepts one message and keeps what it received. */
const received: { from: string; to: string[]; data: string }[] = [];
const server = createServer((socket: Socket) => {
  let buffer = "";
  let inData = false;
  let current = { from: "", to: [] as string[], data: "" };
  socket.write("220 localhost test SMTP\r\n");
  socket.on("data", (chunk) => {
    buffer += chunk.toString("utf8");
    while (true) {
      if (inData) {
        const end = buffer.indexOf("\r\n.\r\n");
        if (end < 0) return;
        current.data = buffer.slice(0, end);
        buffer = buffer.slice(end + 5);
        inData = false;
        received.push(current);
        current = { from: "", to: [], data: "" };
        socket.write("250 queued\r\n");
        continue;
      }
      const eol = buffer.indexOf("\r\n");
      if (eol < 0) return;
      const line = buffer.slice(0, eol);
      buffer = buffer.slice(eol + 2);
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === "EHLO" || verb === "HELO") socket.write("250 localhost\r\n");
      else if (verb === "MAIL") {
        current.from = line;
        socket.write("250 ok\r\n");
      } else if (verb === "RCPT") {
        current.to.push(line);
        socket.write("250 ok\r\n");
      } else if (verb === "DATA") {
        inData = true;
        socket.write("354 go on\r\n");
      } else if (verb === "QUIT") {
        socket.end("221 bye\r\n");
      } else socket.write("250 ok\r\n");
    }
  });
});

/** Accepts connections, then stays silent: no greeting, no reply. */
async function silentServer() {
  const sockets: Socket[] = [];
  const silent = createServer((socket) => sockets.push(socket));
  silent.listen(0, "127.0.0.1");
  await once(silent, "listening");
  return {
    url: `smtp://127.0.0.1:${(silent.address() as { port: number }).port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => silent.close(() => resolve()));
    },
  };
}

/** The production timeouts are 10-15 s; the same code path with short ones. */
const SHORT = { connectionMs: 500, greetingMs: 500, socketMs: 500 };

let port = 0;
beforeAll(async () => {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("SMTP mailer", () => {
  it("sends a message over SMTP from the configured sender, with its subject and text", async () => {
    const mailer = createSmtpMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: "Tradeoff <noreply@tradeoff.test>",
    });
    await mailer.send({
      to: "newcomer@example.com",
      subject: "Olive invited you to Billing on Tradeoff",
      text: "Accept the invitation: https://tradeoff.test/invite/abc",
      html: '<p><a href="https://tradeoff.test/invite/abc">Accept the invitation</a></p>',
    });
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail?.from).toContain("noreply@tradeoff.test");
    expect(mail?.to.join()).toContain("newcomer@example.com");
    expect(mail?.data).toContain("Subject: Olive invited you to Billing on Tradeoff");
    expect(mail?.data).toContain("https://tradeoff.test/invite/abc");
  });

  it("gives up on a server that accepts the connection but never answers, with a clear error", async () => {
    const silent = await silentServer();
    try {
      const mailer = createSmtpMailer({ smtpUrl: silent.url, from: "a@b.test", timeouts: SHORT });
      const started = Date.now();
      await expect(
        mailer.send({ to: "x@example.com", subject: "S", text: "T", html: "<p>T</p>" }),
      ).rejects.toThrow(/SMTP server at 127\.0\.0\.1:\d+ did not answer/);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await silent.close();
    }
  }, 20_000);

  it("gives up on a silent server when sending a sign-in link too", async () => {
    const silent = await silentServer();
    try {
      const server = smtpUrlWithTimeouts(silent.url, SHORT);
      const provider = EmailProvider({ server, from: "a@b.test" });
      const started = Date.now();
      await expect(
        provider.sendVerificationRequest({
          identifier: "x@example.com",
          url: "https://tradeoff.test/api/auth/callback/email?token=t",
          expires: new Date(Date.now() + 60_000),
          provider: { ...provider, server, from: "a@b.test" },
          token: "t",
          theme: {},
          request: new Request("https://tradeoff.test"),
        } as never),
      ).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await silent.close();
    }
  }, 20_000);

  it("reports a server that cannot be reached as a failure (the job queue then retries)", async () => {
    const mailer = createSmtpMailer({ smtpUrl: "smtp://127.0.0.1:1", from: "a@b.test" });
    await expect(
      mailer.send({ to: "x@example.com", subject: "S", text: "T", html: "<p>T</p>" }),
    ).rejects.toThrow();
  });
});
