import { NotificationError } from '../notification-error.ts';

/** What nodemailer puts on the errors it raises (its own codes, or Node's socket codes). */
interface NodemailerFailure {
  code?: string;
  responseCode?: number;
  message?: string;
}

// Fixing these takes a change of configuration, not time.
const CONFIGURATION_CODES = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2', 'ETLS', 'EREQUIRETLS', 'ECONFIG', 'EPROXY']);

/**
 * nodemailer's failure as the caller decides on it. The message keeps the relay's answer (useful in
 * logs) and never the transport options, so credentials cannot leak through it.
 */
export function smtpFailure(error: unknown): NotificationError {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as NodemailerFailure;
  const code = failure.code ?? '';
  const responseCode = failure.responseCode;
  const detail = `${code || 'SMTP'}${responseCode ? ` ${responseCode}` : ''}: ${failure.message ?? String(error)}`;
  // 530/534/535 are the relay refusing our login, whatever stage nodemailer was in.
  if (CONFIGURATION_CODES.has(code) || responseCode === 530 || responseCode === 534 || responseCode === 535)
    return new NotificationError('NOTIFICATION_MISCONFIGURED', `the mail relay refused the platform's setup (${detail})`, {
      cause: error,
    });
  if (responseCode !== undefined && responseCode >= 500)
    return new NotificationError('NOTIFICATION_REJECTED', `the mail relay refused the message (${detail})`, { cause: error });
  if (code === 'EENVELOPE' && responseCode === undefined)
    return new NotificationError('NOTIFICATION_INPUT_INVALID', `the message has no usable sender or recipient (${detail})`, {
      cause: error,
    });
  // Everything else is the path to the relay (refused or reset connections, timeouts, DNS, 4xx
  // answers, a connection dropped more often than the pool requeues): the same mail goes through
  // once the relay is back.
  return new NotificationError('NOTIFICATION_UNAVAILABLE', `the mail relay is unavailable (${detail})`, { cause: error });
}
