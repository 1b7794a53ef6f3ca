import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { MailAddress, Notifier, OutgoingMail } from '../notifier.ts';
import { smtpFailure } from './smtp-failure.ts';

export interface SmtpNotifierOptions {
  host: string;
  port: number;
  /** TLS from the first byte (port 465). Without it STARTTLS is used whenever the relay offers it. */
  secure?: boolean;
  auth?: { user: string; pass: string };
  /** The platform's sender address, on the domain its SPF and DKIM cover. */
  from?: string;
}

export interface SmtpNotifier extends Notifier {
  /** Closes the pooled connections: at shutdown, or at the end of a test. */
  close(): void;
}

export const DEFAULT_MAIL_FROM = 'no-reply@localhost';

// A few long-lived connections serve a worker's sends; the relay, not the platform, queues the mail.
const POOL = { maxConnections: 3, maxMessages: 100 };
// nodemailer's defaults wait 2 minutes to connect and 10 minutes on a silent socket; a job that
// sends mail should learn much sooner that the relay is away, and retry later.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000, dnsTimeout: 10_000 };
// Without a bound the pool requeues a mail forever when the relay keeps dropping the connection.
const MAX_REQUEUES = 1;

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

/** Header values are single lines: a name with a line break must not become a header of its own. */
function oneLine(value: string): string {
  return value.replace(/\p{Cc}+/gu, ' ').trim();
}

function address(value: MailAddress): { name: string; address: string } {
  return { name: oneLine(value.name ?? ''), address: value.email.trim() };
}

/** A Notifier that hands mail to an SMTP relay over nodemailer's pooled transport. */
export function createSmtpNotifier(options: SmtpNotifierOptions): SmtpNotifier {
  const secure = options.secure ?? false;
  const transportOptions: SMTPPool.Options & { maxRequeues: number } = {
    pool: true,
    host: options.host,
    port: options.port,
    secure,
    auth: options.auth,
    // Credentials never cross a network in the clear: a remote relay that does not offer STARTTLS
    // is refused rather than sent the password. The local catcher (loopback) speaks plain SMTP.
    requireTLS: !secure && options.auth !== undefined && !LOOPBACK.test(options.host),
    ...POOL,
    ...TIMEOUTS,
    maxRequeues: MAX_REQUEUES,
    // Mail is built from agency data: nothing in it may make the transport read files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
    debug: false,
  };
  const transport = nodemailer.createTransport(transportOptions);
  const from = options.from ?? DEFAULT_MAIL_FROM;

  return {
    async send(message: OutgoingMail) {
      try {
        const info = await transport.sendMail({
          from: { name: oneLine(message.senderName ?? ''), address: from },
          to: address(message.to),
          replyTo: message.replyTo ? address(message.replyTo) : undefined,
          subject: oneLine(message.subject),
          text: message.text,
          html: message.html,
          // RFC 3834: out-of-office robots do not answer transactional mail.
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
        return { messageId: info.messageId };
      } catch (error) {
        throw smtpFailure(error);
      }
    },
    close: () => transport.close(),
  };
}
