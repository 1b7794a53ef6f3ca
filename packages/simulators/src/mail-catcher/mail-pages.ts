import type { CaughtMail } from './mail-store.ts';

/**
 * The catcher's pages. Everything shown comes from mail, so everything is escaped; the mail's own
 * HTML is only ever shown inside a sandboxed iframe (no scripts, no same origin), via srcdoc.
 */

// A srcdoc frame inherits this policy, so the mail's inline styles need 'unsafe-inline'; scripts,
// forms, plugins and framing stay off, and images may come from anywhere (agencies' logos).
export const MAIL_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src http: https: data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#0f172a;background:#f8fafc}
main{max-width:1100px;margin:0 auto;padding:24px}h1{font-size:22px;margin:0 0 16px}
table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:8px 12px;border-bottom:1px solid #e2e8f0;vertical-align:top}
th{font-size:13px;color:#475569}a{color:#0f766e}dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;background:#fff;padding:12px 16px}
dt{color:#475569}dd{margin:0;word-break:break-word}iframe{width:100%;height:70vh;border:1px solid #cbd5e1;background:#fff}
pre{white-space:pre-wrap;word-break:break-word;background:#fff;border:1px solid #cbd5e1;padding:12px}.empty{color:#475569}`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export function mailListPage(mails: CaughtMail[]): string {
  const rows = mails
    .map(
      (mail) =>
        `<tr><td><time datetime="${escapeHtml(mail.receivedAt)}">${escapeHtml(mail.receivedAt.replace('T', ' ').slice(0, 19))}</time></td>` +
        `<td>${escapeHtml(mail.to.join(', '))}</td>` +
        `<td><a href="/messages/${encodeURIComponent(mail.id)}">${escapeHtml(mail.subject || '(no subject)')}</a></td></tr>`,
    )
    .join('');
  const list = mails.length
    ? `<table><thead><tr><th>Received (UTC)</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p class="empty">No mail yet. Point SMTP_URL at this catcher and send some.</p>';
  return page('Mail catcher', `<h1>Mail catcher: ${mails.length} message${mails.length === 1 ? '' : 's'}</h1>${list}`);
}

export function mailMessagePage(mail: CaughtMail): string {
  const fields: [string, string | null][] = [
    ['From', mail.from],
    ['To', mail.to.join(', ')],
    ['Reply-To', mail.replyTo],
    ['Subject', mail.subject],
    ['Received', mail.receivedAt],
    ['Message-ID', mail.messageId],
  ];
  const headers = fields
    .filter((field): field is [string, string] => Boolean(field[1]))
    .map(([name, value]) => `<dt>${name}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  // Links in the mail open in a new tab (a popup may leave the sandbox; the frame itself stays inert).
  const html = mail.html
    ? `<h2>HTML part</h2><iframe title="HTML part" sandbox="allow-popups allow-popups-to-escape-sandbox" referrerpolicy="no-referrer" srcdoc="${escapeHtml(`<base target="_blank">${mail.html}`)}"></iframe>`
    : '';
  const text = mail.text ? `<h2>Text part</h2><pre>${escapeHtml(mail.text)}</pre>` : '';
  return page(
    mail.subject || 'Mail',
    `<p><a href="/">← All mail</a></p><h1>${escapeHtml(mail.subject || '(no subject)')}</h1><dl>${headers}</dl>${html}${text}`,
  );
}

export function notFoundPage(): string {
  return page('Not found', '<h1>Not found</h1><p><a href="/">All mail</a></p>');
}
