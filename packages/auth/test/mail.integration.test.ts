import { once } from "node:events";
import { createServer, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpMailer } from "../src/mail";

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

  it("reports a server that cannot be reached as a failure (the job queue then retries)", async () => {
    const mailer = createSmtpMailer({ smtpUrl: "smtp://127.0.0.1:1", from: "a@b.test" });
    await expect(
      mailer.send({ to: "x@example.com", subject: "S", text: "T", html: "<p>T</p>" }),
    ).rejects.toThrow();
  });
});
