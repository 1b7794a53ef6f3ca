import { createMailStore, type CaughtMail } from './mail-store.ts';
import { startMailHttp } from './serve-mail-http.ts';
import { startSmtpReceiver } from './receive-smtp.ts';

/** The catcher's fixed local ports, beside the supplier simulators' (4100–4199). */
export const MAIL_CATCHER_SMTP_PORT = 4125;
export const MAIL_CATCHER_HTTP_PORT = 4126;
/** How many mails the catcher keeps; older ones are dropped first. */
export const MAIL_CATCHER_CAPACITY = 500;

export interface RunningMailCatcher {
  smtpPort: number;
  /** Its pages and JSON API, e.g. http://127.0.0.1:4126 */
  httpUrl: string;
  /** What arrived, newest first. */
  messages: () => CaughtMail[];
  clear: () => void;
  close: () => Promise<void>;
}

/**
 * A local stand-in for the mail relay: an SMTP server that keeps what it is sent instead of
 * delivering it, and pages that list it. Port 0 binds a free port (tests).
 */
export async function startMailCatcher(options: { smtpPort?: number; httpPort?: number } = {}): Promise<RunningMailCatcher> {
  const store = createMailStore(MAIL_CATCHER_CAPACITY);
  const smtp = await startSmtpReceiver(store, options.smtpPort ?? MAIL_CATCHER_SMTP_PORT);
  let http;
  try {
    http = await startMailHttp(store, options.httpPort ?? MAIL_CATCHER_HTTP_PORT);
  } catch (error) {
    await smtp.close();
    throw error;
  }
  return {
    smtpPort: smtp.port,
    httpUrl: http.url,
    messages: () => store.list(),
    clear: () => void store.clear(),
    close: async () => void (await Promise.all([smtp.close(), http.close()])),
  };
}
