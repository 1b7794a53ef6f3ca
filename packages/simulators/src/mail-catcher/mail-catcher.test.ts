import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAIL_PAGE_CSP } from './mail-pages.ts';
import { MAX_CAUGHT_MAIL_BYTES } from './receive-smtp.ts';
import { MAIL_CATCHER_CAPACITY, startMailCatcher, type RunningMailCatcher } from './start-mail-catcher.ts';
import type { CaughtMail } from './mail-store.ts';

/**
 * A plain SMTP client over a socket (this package does not depend on nodemailer; @himal/core's
 * tests send through the real notifier). Each `send` is one SMTP transaction.
 */
class SmtpSession {
  private buffer = '';
  private waiting: ((reply: string) => void)[] = [];
  private replies: string[] = [];

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      // A reply ends with a line "NNN text" (a dash after the code means more lines follow).
      let match: RegExpExecArray | null;
      while ((match = /^(?:\d{3}-[^\r\n]*\r\n)*\d{3}(?: [^\r\n]*)?\r\n/.exec(this.buffer))) {
        this.buffer = this.buffer.slice(match[0].length);
        const waiter = this.waiting.shift();
        if (waiter) waiter(match[0]);
        else this.replies.push(match[0]);
      }
    });
  }

  static async open(port: number): Promise<SmtpSession> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const session = new SmtpSession(socket);
    await session.expect(220);
    await session.command('EHLO test.example', 250);
    return session;
  }

  private reply(): Promise<string> {
    const ready = this.replies.shift();
    return ready !== undefined ? Promise.resolve(ready) : new Promise((resolve) => this.waiting.push(resolve));
  }

  async expect(code: number): Promise<string> {
    const reply = await this.reply();
    if (!reply.startsWith(String(code))) throw new Error(`expected ${code}, got ${reply.trim()}`);
    return reply;
  }

  async command(line: string, code: number): Promise<string> {
    this.socket.write(`${line}\r\n`);
    return this.expect(code);
  }

  /** One mail; resolves with the server's answer to the end of DATA (250, or a refusal). */
  async send(from: string, to: string[], message: string): Promise<string> {
    await this.command(`MAIL FROM:<${from}>`, 250);
    for (const recipient of to) await this.command(`RCPT TO:<${recipient}>`, 250);
    await this.command('DATA', 354);
    const body = message.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
    this.socket.write(`${body}\r\n.\r\n`);
    return this.reply();
  }

  async quit(): Promise<void> {
    await this.command('QUIT', 221);
    this.socket.end();
  }
}

function mime({ subject, html, text, to = 'sita@example.com' }: { subject: string; html?: string; text: string; to?: string }) {
  const headers = [
    'From: "Everest Treks" <no-reply@himal.example>',
    `To: ${to}`,
    'Reply-To: help@everest-treks.example',
    `Subject: ${subject}`,
    'Message-ID: <test-1@himal.example>',
    'MIME-Version: 1.0',
  ];
  if (!html) return [...headers, 'Content-Type: text/plain; charset=utf-8', '', text].join('\n');
  return [
    ...headers,
    'Content-Type: multipart/alternative; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    text,
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    '',
    html,
    '--b1--',
  ].join('\n');
}

async function api<T>(catcher: RunningMailCatcher, path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${catcher.httpUrl}${path}`, init);
  expect(response.headers.get('content-type')).toContain('application/json');
  return (await response.json()) as T;
}

describe('mail catcher', () => {
  let catcher: RunningMailCatcher;

  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  });
  afterAll(async () => {
    await catcher.close();
  });
  beforeEach(() => catcher.clear());

  it('keeps each mail it is sent, parsed, with the envelope recipients', async () => {
    const smtp = await SmtpSession.open(catcher.smtpPort);
    const answer = await smtp.send(
      'bounce@himal.example',
      ['sita@example.com', 'audit@himal.example'],
      mime({
        subject: 'Your booking K7M2QX is confirmed',
        text: 'Booking reference: K7M2QX',
        html: '<p>Booking <b>K7M2QX</b></p>',
      }),
    );
    await smtp.quit();
    expect(answer).toMatch(/^250/);
    const [mail] = catcher.messages();
    expect(mail).toMatchObject({
      from: '"Everest Treks" <no-reply@himal.example>',
      to: ['sita@example.com', 'audit@himal.example'],
      replyTo: 'help@everest-treks.example',
      subject: 'Your booking K7M2QX is confirmed',
      text: 'Booking reference: K7M2QX',
      html: '<p>Booking <b>K7M2QX</b></p>',
      messageId: '<test-1@himal.example>',
    });
    expect(Date.parse(mail!.receivedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('lists mail newest first in JSON, filtered by recipient, and forgets it on DELETE', async () => {
    const smtp = await SmtpSession.open(catcher.smtpPort);
    await smtp.send('a@himal.example', ['sita@example.com'], mime({ subject: 'first', text: 'one' }));
    await smtp.send('a@himal.example', ['hari@example.com'], mime({ subject: 'second', text: 'two', to: 'hari@example.com' }));
    await smtp.quit();

    const all = await api<CaughtMail[]>(catcher, '/api/messages');
    expect(all.map((mail) => mail.subject)).toEqual(['second', 'first']);
    const forHari = await api<CaughtMail[]>(catcher, `/api/messages?to=${encodeURIComponent('Hari@Example.com')}`);
    expect(forHari.map((mail) => mail.subject)).toEqual(['second']);
    const one = await api<CaughtMail>(catcher, `/api/messages/${all[1]!.id}`);
    expect(one.text.trim()).toBe('one');
    expect((await fetch(`${catcher.httpUrl}/api/messages/999999`)).status).toBe(404);

    expect(await api(catcher, '/api/messages', { method: 'DELETE' })).toEqual({ cleared: 2 });
    expect(await api(catcher, '/api/messages')).toEqual([]);
    expect(catcher.messages()).toEqual([]);
  });

  it('shows the list and each mail on pages that escape everything, the HTML part only in a sandboxed frame', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const smtp = await SmtpSession.open(catcher.smtpPort);
    await smtp.send(
      'a@himal.example',
      ['sita@example.com'],
      mime({
        subject: `Hello ${hostile}`,
        text: `text ${hostile}`,
        html: `<p style="color:#1d4ed8">Hi</p><script>alert(2)</script>`,
      }),
    );
    await smtp.quit();
    const [mail] = catcher.messages();

    const list = await fetch(`${catcher.httpUrl}/`);
    expect(list.status).toBe(200);
    expect(list.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(list.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const listHtml = await list.text();
    expect(listHtml).toContain(`<a href="/messages/${mail!.id}">Hello &lt;img src=x onerror=alert(1)&gt;</a>`);
    expect(listHtml).toContain('sita@example.com');
    expect(listHtml).not.toContain('<img');

    const page = await fetch(`${catcher.httpUrl}/messages/${mail!.id}`);
    expect(page.headers.get('content-security-policy')).toBe(MAIL_PAGE_CSP);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const pageHtml = await page.text();
    expect(pageHtml).not.toMatch(/<img|<script/i);
    expect(pageHtml).toMatch(
      /<iframe title="HTML part" sandbox="allow-popups allow-popups-to-escape-sandbox"[^>]* srcdoc="[^"]*"/,
    );
    expect(pageHtml).toContain('&lt;p style=&quot;color:#1d4ed8&quot;&gt;Hi&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(pageHtml).toContain('<pre>text &lt;img src=x onerror=alert(1)&gt;</pre>');

    expect((await fetch(`${catcher.httpUrl}/messages/999999`)).status).toBe(404);
  });

  it('answers only to its own names, so a rebound web page cannot read the mail', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(catcher.httpUrl);
      request({ host: url.hostname, port: url.port, path: '/api/messages', headers: { host: 'attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(421);
    expect((await fetch(`${catcher.httpUrl.replace('127.0.0.1', 'localhost')}/api/messages`)).status).toBe(200);
  });

  it('accepts a client that logs in, without requiring it', async () => {
    const smtp = await SmtpSession.open(catcher.smtpPort);
    await smtp.command(`AUTH PLAIN ${Buffer.from('\0user\0secret').toString('base64')}`, 235);
    expect(await smtp.send('a@himal.example', ['sita@example.com'], mime({ subject: 'logged in', text: 'x' }))).toMatch(/^250/);
    await smtp.quit();
    expect(catcher.messages()[0]!.subject).toBe('logged in');
  });

  it('refuses a mail over 5 MiB and keeps nothing of it', async () => {
    const smtp = await SmtpSession.open(catcher.smtpPort);
    const line = 'x'.repeat(998);
    const big = Array.from({ length: Math.ceil(MAX_CAUGHT_MAIL_BYTES / 1000) + 10 }, () => line).join('\n');
    const answer = await smtp.send('a@himal.example', ['sita@example.com'], mime({ subject: 'too big', text: big }));
    expect(answer).toMatch(/^552/);
    await smtp.quit();
    expect(catcher.messages()).toEqual([]);
  });

  it(`keeps the last ${MAIL_CATCHER_CAPACITY} mails, dropping the oldest`, async () => {
    const smtp = await SmtpSession.open(catcher.smtpPort);
    for (let n = 1; n <= MAIL_CATCHER_CAPACITY + 5; n++)
      await smtp.send('a@himal.example', ['sita@example.com'], mime({ subject: `mail ${n}`, text: String(n) }));
    await smtp.quit();
    const subjects = catcher.messages().map((mail) => mail.subject);
    expect(subjects).toHaveLength(MAIL_CATCHER_CAPACITY);
    expect(subjects[0]).toBe(`mail ${MAIL_CATCHER_CAPACITY + 5}`);
    expect(subjects.at(-1)).toBe('mail 6');
  });
});
