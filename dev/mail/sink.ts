// The local SMTP stand-in: accepts every message (any login, no TLS) and keeps it in memory, so the
// demo and the tests see exactly what the app sent. Never exposed beyond localhost.
import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface CapturedMail {
  id: number;
  receivedAt: Date;
  envelope: { from: string | null; to: string[] };
  raw: Buffer;
}

export interface MailSink {
  port: number;
  smtpUrl: string;
  messages: CapturedMail[];
  /** Resolves with the next captured message (or one already captured after `afterId`). */
  waitForMessage(afterId?: number, timeoutMs?: number): Promise<CapturedMail>;
  parse(mail: CapturedMail): Promise<ParsedMail>;
  /** Fails the next `count` messages at the end of DATA with this SMTP reply (e.g. 451 for a retry test). */
  rejectNext(count: number, code?: number): void;
  close(): Promise<void>;
}

const MAX_KEPT = 500;

export async function startMailSink(options: { port?: number; host?: string } = {}): Promise<MailSink> {
  const messages: CapturedMail[] = [];
  const waiters: Array<{ afterId: number; resolve: (mail: CapturedMail) => void }> = [];
  let nextId = 1;
  let rejections: { count: number; code: number } = { count: 0, code: 451 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(null, { user: "sink" });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (rejections.count > 0) {
          rejections = { ...rejections, count: rejections.count - 1 };
          const error = Object.assign(new Error("Try again later (sink told to reject)"), { responseCode: rejections.code });
          return callback(error);
        }
        const mail: CapturedMail = {
          id: nextId++,
          receivedAt: new Date(),
          envelope: {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          },
          raw: Buffer.concat(chunks),
        };
        messages.push(mail);
        if (messages.length > MAX_KEPT) messages.shift();
        for (const waiter of waiters.splice(0)) {
          if (mail.id > waiter.afterId) waiter.resolve(mail);
          else waiters.push(waiter);
        }
        callback();
      });
    },
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    smtpUrl: `smtp://${host}:${port}`,
    messages,
    waitForMessage(afterId = 0, timeoutMs = 15_000) {
      const existing = messages.find((mail) => mail.id > afterId);
      if (existing) return Promise.resolve(existing);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mail reached the sink within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ afterId, resolve: (mail) => { clearTimeout(timer); resolve(mail); } });
      });
    },
    parse: (mail) => simpleParser(mail.raw),
    rejectNext(count, code = 451) {
      rejections = { count, code };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
