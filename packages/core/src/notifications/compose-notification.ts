import type { OutgoingMail } from './notifier.ts';
import { renderNotification, type NotificationInputs, type NotificationKind } from './render-notification.ts';
import { mailBranding } from './render/mail-branding.ts';

/**
 * A traveller mail ready for a Notifier: rendered, addressed to the traveller, shown as from the
 * agency, and answered to the agency's support address (when it has a usable one).
 */
export function composeNotification<K extends NotificationKind>(kind: K, input: NotificationInputs[K]): OutgoingMail {
  const rendered = renderNotification(kind, input);
  const branding = mailBranding(input.agency);
  return {
    to: { name: input.recipient.name, email: input.recipient.email },
    senderName: branding.name,
    replyTo: branding.supportEmail ? { name: branding.name, email: branding.supportEmail } : undefined,
    ...rendered,
  };
}
