import { once } from "node:events";
import { createServer, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvitationMailer } from "../src/mail";

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

describe("invitation email", () => {
  it("is sent over SMTP to the invitee with the team, the role, the link and its expiry", async () => {
    const mailer = createInvitationMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: "Tradeoff <noreply@tradeoff.test>",
    });
    await mailer.sendInvitation({
      to: "newcomer@example.com",
      teamName: "Billing",
      inviterName: "Olive",
      role: "MEMBER",
      url: "https://tradeoff.test/invite/abc",
      expiresAt: new Date("2030-01-02T03:04:05Z"),
    });
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail?.from).toContain("noreply@tradeoff.test");
    expect(mail?.to.join()).toContain("newcomer@example.com");
    expect(mail?.data).toContain("Subject: Olive invited you to Billing on Tradeoff");
    expect(mail?.data).toContain("as member");
    expect(mail?.data).toContain("https://tradeoff.test/invite/abc");
    expect(mail?.data).toContain("2030");
  });

  it("reports a server that cannot be reached as a failure (the admin then copies the link)", async () => {
    const mailer = createInvitationMailer({ smtpUrl: "smtp://127.0.0.1:1", from: "a@b.test" });
    await expect(
      mailer.sendInvitation({
        to: "x@example.com",
        teamName: "T",
        inviterName: "I",
        role: "VIEWER",
        url: "https://tradeoff.test/invite/x",
        expiresAt: new Date(),
      }),
    ).rejects.toThrow();
  });
});
