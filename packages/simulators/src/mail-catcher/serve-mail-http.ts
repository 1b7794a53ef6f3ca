import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAIL_PAGE_CSP, mailListPage, mailMessagePage, notFoundPage } from './mail-pages.ts';
import type { MailStore } from './mail-store.ts';

export interface MailHttp {
  url: string;
  close: () => Promise<void>;
}

const COMMON_HEADERS = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };

function sendPage(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': MAIL_PAGE_CSP,
    'x-frame-options': 'DENY',
  });
  res.end(html);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { ...COMMON_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

/**
 * The catcher's HTTP side on 127.0.0.1:
 *   GET    /                     the received mail, newest first
 *   GET    /messages/:id         one mail (its HTML in a sandboxed frame, its text)
 *   GET    /api/messages[?to=]   JSON, newest first; `to` keeps mail delivered to that address
 *   GET    /api/messages/:id     JSON of one mail
 *   DELETE /api/messages         forget everything
 * Only requests naming 127.0.0.1 or localhost as their Host are served: a web page that rebinds its
 * own name to 127.0.0.1 cannot read the mail.
 */
export async function startMailHttp(store: MailStore, port: number): Promise<MailHttp> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: boundPort } = server.address() as AddressInfo;
  const allowedHosts = new Set([`127.0.0.1:${boundPort}`, `localhost:${boundPort}`]);

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!allowedHosts.has(String(req.headers.host ?? '').toLowerCase()))
      return sendJson(res, 421, { error: 'this catcher answers on 127.0.0.1 and localhost only' });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const messageId = /^\/(?:api\/)?messages\/([^/]+)$/.exec(path)?.[1];

    if (path === '/api/messages' && method === 'DELETE') return sendJson(res, 200, { cleared: store.clear() });
    if (method !== 'GET' && method !== 'HEAD') return sendJson(res, 405, { error: `${method} is not served here` });
    if (path === '/') return sendPage(res, 200, mailListPage(store.list()));
    if (path === '/api/messages') {
      const to = url.searchParams.get('to')?.trim().toLowerCase();
      const mails = store.list();
      return sendJson(res, 200, to ? mails.filter((mail) => mail.to.some((address) => address.toLowerCase() === to)) : mails);
    }
    if (messageId !== undefined) {
      const mail = store.get(messageId);
      if (path.startsWith('/api/')) return mail ? sendJson(res, 200, mail) : sendJson(res, 404, { error: 'no such message' });
      return mail ? sendPage(res, 200, mailMessagePage(mail)) : sendPage(res, 404, notFoundPage());
    }
    if (path.startsWith('/api/')) return sendJson(res, 404, { error: 'not found' });
    return sendPage(res, 404, notFoundPage());
  });

  return {
    url: `http://127.0.0.1:${boundPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
