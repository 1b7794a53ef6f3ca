import { NotificationError } from '../notification-error.ts';
import { createSmtpNotifier, DEFAULT_MAIL_FROM, type SmtpNotifier } from './create-smtp-notifier.ts';

/** Where development mail goes when SMTP_URL is unset: the local mail catcher of @himal/simulators. */
export const DEVELOPMENT_SMTP_URL = 'smtp://127.0.0.1:4125';

function misconfigured(message: string): NotificationError {
  return new NotificationError('NOTIFICATION_MISCONFIGURED', message);
}

/**
 * The deployment's notifier: SMTP_URL (`smtp://user:pass@host:587`, STARTTLS when offered;
 * `smtps://…:465`, TLS from the start) and MAIL_FROM (the sender address). Outside production both
 * have local defaults (the mail catcher, no-reply@localhost); production refuses to start without
 * them. The URL holds the relay's password, so no message here ever repeats it.
 */
export function notifierFromEnv(env: Record<string, string | undefined> = process.env): SmtpNotifier {
  const production = env.NODE_ENV === 'production';
  const configured = env.SMTP_URL?.trim();
  if (!configured && production) throw misconfigured('SMTP_URL is not set; the platform cannot send mail without a relay');
  const from = env.MAIL_FROM?.trim() || (production ? undefined : DEFAULT_MAIL_FROM);
  if (!from) throw misconfigured('MAIL_FROM is not set; mail needs a sender address on the platform’s domain');

  let url: URL;
  try {
    url = new URL(configured || DEVELOPMENT_SMTP_URL);
  } catch {
    throw misconfigured('SMTP_URL is not a URL (expected smtp://host:port or smtps://host:port)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw misconfigured(`SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`);
  const secure = url.protocol === 'smtps:';
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  // URL keeps IPv6 literals in brackets; sockets want the bare address.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw misconfigured('SMTP_URL names no host');
  let auth: { user: string; pass: string } | undefined;
  try {
    if (url.username) auth = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
  } catch {
    throw misconfigured('SMTP_URL has a user name or password that is not percent-encoded properly');
  }
  return createSmtpNotifier({ host, port, secure, auth, from });
}
