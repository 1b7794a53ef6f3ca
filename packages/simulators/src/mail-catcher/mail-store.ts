/** One mail the catcher received, as its pages and JSON API show it. */
export interface CaughtMail {
  id: string;
  /** When the catcher accepted it (ISO, UTC). */
  receivedAt: string;
  /** The From header as written (`"Everest Treks" <no-reply@…>`), else the envelope sender. */
  from: string;
  /** The envelope recipients: where the mail was actually delivered, Bcc included. */
  to: string[];
  replyTo: string | null;
  subject: string;
  text: string;
  html: string | null;
  messageId: string | null;
}

export interface MailStore {
  add(mail: Omit<CaughtMail, 'id'>): CaughtMail;
  /** Newest first. */
  list(): CaughtMail[];
  get(id: string): CaughtMail | undefined;
  /** Drops everything; returns how many there were. */
  clear(): number;
}

/**
 * The catcher's memory: the last `limit` mails, oldest dropped first, so a catcher left running
 * through a long load test does not grow without end. Ids keep counting across clears, so a page
 * open on an old id never shows a newer mail.
 */
export function createMailStore(limit: number): MailStore {
  const mails: CaughtMail[] = [];
  let lastId = 0;
  return {
    add(mail) {
      const caught = { id: String(++lastId), ...mail };
      mails.push(caught);
      if (mails.length > limit) mails.splice(0, mails.length - limit);
      return caught;
    },
    list: () => [...mails].reverse(),
    get: (id) => mails.find((mail) => mail.id === id),
    clear() {
      const count = mails.length;
      mails.length = 0;
      return count;
    },
  };
}
