import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { MailStore } from './mail-store.ts';

export const MAX_CAUGHT_MAIL_BYTES = 5 * 1024 * 1024;

export interface SmtpReceiver {
  port: number;
  close: () => Promise<void>;
}

/** An SMTP error with the reply code the client should see. */
function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

function addressText(value: AddressObject | AddressObject[] | undefined): string | null {
  if (!value) return null;
  return (Array.isArray(value) ? value : [value]).map((address) => address.text).join(', ') || null;
}

/**
 * The catcher's SMTP side on 127.0.0.1: accepts any sender and recipient, with or without a login
 * (so a notifier configured with a relay's credentials still delivers here), parses each mail and
 * keeps it in the store. STARTTLS is not offered: nodemailer upgrades whenever it is, and would then
 * refuse smtp-server's self-signed certificate.
 */
export async function startSmtpReceiver(store: MailStore, port: number): Promise<SmtpReceiver> {
  const server = new SMTPServer({
    name: 'himal-mail-catcher',
    banner: 'Himal mail catcher (nothing is delivered)',
    size: MAX_CAUGHT_MAIL_BYTES,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    disableReverseLookup: true,
    logger: false,
    maxClients: 50,
    socketTimeout: 30_000,
    // A pooled client keeps its connection open; closing the catcher should not wait for it.
    closeTimeout: 500,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anyone' }),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (!stream.sizeExceeded) chunks.push(chunk);
      });
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(smtpError(`message exceeds the catcher's ${MAX_CAUGHT_MAIL_BYTES} bytes`, 552));
        simpleParser(Buffer.concat(chunks), { skipImageLinks: true }).then(
          (parsed) => {
            const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
            store.add({
              receivedAt: new Date().toISOString(),
              from: addressText(parsed.from) ?? envelopeFrom,
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
              replyTo: addressText(parsed.replyTo),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: parsed.html || null,
              messageId: parsed.messageId ?? null,
            });
            callback();
          },
          () => callback(smtpError('the catcher could not parse this message', 554)),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // smtp-server reports a client's dropped connection as an 'error' on the server; without a
  // listener Node would end the process for it.
  server.on('error', () => {});
  const { port: boundPort } = server.server.address() as AddressInfo;
  return { port: boundPort, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
