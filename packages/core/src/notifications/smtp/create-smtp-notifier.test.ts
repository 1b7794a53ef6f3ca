import { createServer } from 'node:net';
import { startMailCatcher, type CaughtMail, type RunningMailCatcher } from '@himal/simulators';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { notificationFixture } from '../../testing/notification-fixtures.ts';
import { composeNotification } from '../compose-notification.ts';
import { isNotificationError, NotificationError } from '../notification-error.ts';
import { createSmtpNotifier, type SmtpNotifier } from './create-smtp-notifier.ts';
import { notifierFromEnv } from './notifier-from-env.ts';

/** A port nothing listens on: bound once by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function failure(promise: Promise<unknown>): Promise<NotificationError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!isNotificationError(error)) throw new Error(`expected a NotificationError, got ${String(error)}`);
  return error;
}

describe('SMTP notifier', () => {
  let catcher: RunningMailCatcher;
  const notifiers: SmtpNotifier[] = [];
  const notifier = (options: Parameters<typeof createSmtpNotifier>[0]) => {
    const created = createSmtpNotifier(options);
    notifiers.push(created);
    return created;
  };

  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  });
  afterAll(async () => {
    for (const created of notifiers) created.close();
    await catcher.close();
  });
  beforeEach(() => catcher.clear());

  it('delivers a traveller mail, from the agency by name, answered to its support address', async () => {
    const smtp = notifier({ host: '127.0.0.1', port: catcher.smtpPort, from: 'bookings@himal.example' });
    const input = notificationFixture('order-confirmation', {
      language: 'ne',
      recipient: { name: 'Sita <Sharma>', email: 'sita@example.com' },
    });
    const mail = composeNotification('order-confirmation', input);
    const { messageId } = await smtp.send(mail);

    const [caught] = catcher.messages();
    expect(caught).toMatchObject({
      from: '"Everest Treks" <bookings@himal.example>',
      to: ['sita@example.com'],
      replyTo: '"Everest Treks" <help@everest-treks.example>',
      subject: mail.subject,
      messageId,
    });
    // Nepali and the arrow survive the trip: the transport encodes them, the catcher decodes them.
    expect(caught!.subject).toBe('तपाईंको बुकिङ K7M2QX पक्का भयो – Everest Treks');
    expect(caught!.html).toBe(mail.html);
    expect(caught!.text.trim()).toBe(mail.text.trim());
    expect(caught!.html).toContain('नमस्ते Sita &lt;Sharma&gt;,');

    // And what the catcher shows for it.
    const listed = (await (await fetch(`${catcher.httpUrl}/api/messages?to=sita@example.com`)).json()) as CaughtMail[];
    expect(listed.map((m) => m.messageId)).toEqual([messageId]);
    const page = await (await fetch(`${catcher.httpUrl}/`)).text();
    expect(page).toContain(`<a href="/messages/${caught!.id}">तपाईंको बुकिङ K7M2QX पक्का भयो – Everest Treks</a>`);
    const shown = await (await fetch(`${catcher.httpUrl}/messages/${caught!.id}`)).text();
    expect(shown).toContain('srcdoc="');
    expect(shown).toContain('नमस्ते Sita &amp;lt;Sharma&amp;gt;,');
  });

  it('sends mail after mail over its pooled connections', async () => {
    const smtp = notifier({ host: '127.0.0.1', port: catcher.smtpPort });
    const sent = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        smtp.send({ to: { email: `traveller${n}@example.com` }, subject: `mail ${n}`, html: `<p>${n}</p>`, text: String(n) }),
      ),
    );
    expect(new Set(sent.map((s) => s.messageId)).size).toBe(12);
    expect(catcher.messages()).toHaveLength(12);
    expect(catcher.messages()[0]!.from).toBe('no-reply@localhost');
  });

  it('keeps a line break in a name or subject from becoming a header of its own', async () => {
    const smtp = notifier({ host: '127.0.0.1', port: catcher.smtpPort });
    await smtp.send({
      to: { email: 'sita@example.com', name: 'Sita\r\nBcc: victim@example.com' },
      senderName: 'Everest\r\nX-Injected: yes',
      subject: 'Hello\r\nBcc: victim@example.com',
      html: '<p>x</p>',
      text: 'x',
    });
    const [caught] = catcher.messages();
    expect(caught!.to).toEqual(['sita@example.com']);
    expect(caught!.subject).toBe('Hello Bcc: victim@example.com');
  });

  it('reports a relay that is down as a retryable failure, soon', async () => {
    const smtp = notifier({ host: '127.0.0.1', port: await closedPort() });
    const started = Date.now();
    const error = await failure(smtp.send({ to: { email: 'sita@example.com' }, subject: 'x', html: 'x', text: 'x' }));
    expect(error).toMatchObject({ code: 'NOTIFICATION_UNAVAILABLE', retryable: true });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports a catcher that went away after the pool connected as retryable', async () => {
    const own = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    const smtp = notifier({ host: '127.0.0.1', port: own.smtpPort });
    await smtp.send({ to: { email: 'sita@example.com' }, subject: 'first', html: 'x', text: 'x' });
    await own.close();
    const error = await failure(smtp.send({ to: { email: 'sita@example.com' }, subject: 'second', html: 'x', text: 'x' }));
    expect(error).toMatchObject({ code: 'NOTIFICATION_UNAVAILABLE', retryable: true });
  });

  it('reports a mail the relay refuses for good (552, too large) as not retryable', async () => {
    const smtp = notifier({ host: '127.0.0.1', port: catcher.smtpPort });
    const huge = 'x'.repeat(6 * 1024 * 1024);
    const error = await failure(smtp.send({ to: { email: 'sita@example.com' }, subject: 'big', html: huge, text: 'x' }));
    expect(error).toMatchObject({ code: 'NOTIFICATION_REJECTED', retryable: false });
    expect(error.message).toContain('552');
  });
});

describe('notifierFromEnv', () => {
  let catcher: RunningMailCatcher;
  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  });
  afterAll(async () => {
    await catcher.close();
  });

  it('reads SMTP_URL (credentials included) and MAIL_FROM', async () => {
    const smtp = notifierFromEnv({
      SMTP_URL: `smtp://mailer%40himal:s3cr%2Ft@127.0.0.1:${catcher.smtpPort}`,
      MAIL_FROM: 'bookings@himal.example',
    });
    try {
      await smtp.send({
        to: { email: 'sita@example.com' },
        senderName: 'Everest Treks',
        subject: 'via env',
        html: 'x',
        text: 'x',
      });
    } finally {
      smtp.close();
    }
    expect(catcher.messages()[0]).toMatchObject({ subject: 'via env', from: '"Everest Treks" <bookings@himal.example>' });
  });

  it('never repeats the relay’s password in a failure', async () => {
    const password = 'hunter2-very-secret';
    const smtp = notifierFromEnv({ SMTP_URL: `smtp://mailer:${password}@127.0.0.1:${await closedPort()}` });
    try {
      const error = await failure(smtp.send({ to: { email: 'sita@example.com' }, subject: 'x', html: 'x', text: 'x' }));
      expect(error.retryable).toBe(true);
      expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain(password);
    } finally {
      smtp.close();
    }
    for (const url of [`http://mailer:${password}@relay.example`, `smtp://mailer:${password}@relay.example:%%`]) {
      const error = (() => {
        try {
          notifierFromEnv({ SMTP_URL: url, MAIL_FROM: 'a@b.example' });
        } catch (caught) {
          return caught as NotificationError;
        }
      })();
      expect(error).toMatchObject({ code: 'NOTIFICATION_MISCONFIGURED', retryable: false });
      expect(error!.message).not.toContain(password);
    }
  });

  it('has local defaults outside production, and refuses to guess in production', () => {
    notifierFromEnv({}).close();
    expect(() => notifierFromEnv({ NODE_ENV: 'production', MAIL_FROM: 'a@b.example' })).toThrow(/SMTP_URL is not set/);
    expect(() => notifierFromEnv({ NODE_ENV: 'production', SMTP_URL: 'smtps://relay.example' })).toThrow(/MAIL_FROM/);
    notifierFromEnv({ NODE_ENV: 'production', SMTP_URL: 'smtps://relay.example', MAIL_FROM: 'a@b.example' }).close();
  });
});
