/**
 * How the booking engine reaches a traveller: one mail at a time through whichever transport the
 * deployment configures (SMTP today). The engine composes the mail; the notifier only delivers it.
 */
export interface MailAddress {
  email: string;
  name?: string;
}

export interface OutgoingMail {
  to: MailAddress;
  /**
   * The display name beside the platform's own sender address: mail goes out from the platform's
   * domain (the one its SPF and DKIM cover) but reads as coming from the agency.
   */
  senderName?: string;
  /** Where the traveller's answer goes: the agency's support address, not the platform's. */
  replyTo?: MailAddress;
  subject: string;
  html: string;
  text: string;
}

export interface Notifier {
  /** Resolves once the relay accepted the mail; rejects with a NotificationError. */
  send(message: OutgoingMail): Promise<{ messageId: string }>;
}
