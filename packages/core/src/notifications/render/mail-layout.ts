import type { MailBranding } from './mail-branding.ts';
import { escapeHtml } from './escape-html.ts';

/** A mail as its kind's renderer describes it: plain strings only, the layout escapes them. */
export interface MailContent {
  /** The `lang` of the document (`ne-NP`), so clients and screen readers use the right voice. */
  locale: string;
  subject: string;
  heading: string;
  /** Greeting and introduction, before the details. */
  paragraphs: string[];
  sections: MailSection[];
  action?: { label: string; url: string; fallback: string };
  /** After the action: what happens next. */
  notes: string[];
  footer: string[];
}

export interface MailSection {
  title?: string;
  rows: MailRow[];
}

/** A label and its value, or a line of its own when there is no label (a traveller's name). */
export interface MailRow {
  label?: string;
  value: string;
  /** The figure the mail is about (the total paid), set larger. */
  emphasis?: boolean;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

const e = escapeHtml;

function rowHtml(row: MailRow, b: MailBranding): string {
  const cell = `padding:8px 0;border-bottom:1px solid ${b.rule};vertical-align:top;`;
  const size = row.emphasis ? 'font-size:18px;font-weight:bold;' : 'font-size:15px;';
  if (row.label === undefined) return `<tr><td colspan="2" style="${cell}${size}">${e(row.value)}</td></tr>`;
  return (
    `<tr><td style="${cell}color:${b.muted};font-size:14px;padding-right:12px;">${e(row.label)}</td>` +
    `<td style="${cell}${size}text-align:right;">${e(row.value)}</td></tr>`
  );
}

function sectionHtml(section: MailSection, b: MailBranding): string {
  const title = section.title
    ? `<h2 style="margin:24px 0 4px;font-size:16px;line-height:1.4;color:${b.primary};">${e(section.title)}</h2>`
    : '<div style="height:16px;line-height:16px;">&nbsp;</div>';
  return `${title}<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;">${section.rows.map((row) => rowHtml(row, b)).join('')}</table>`;
}

// The header carries the logo or, without one (or when images are blocked), the agency's name.
function headerHtml(b: MailBranding): string {
  const mark = b.logoUrl
    ? `<img src="${e(b.logoUrl)}" alt="${e(b.name)}" height="40" style="display:block;height:40px;width:auto;max-width:240px;border:0;color:${b.onPrimary};font-size:20px;font-weight:bold;">`
    : `<span style="font-size:20px;font-weight:bold;color:${b.onPrimary};">${e(b.name)}</span>`;
  return `<tr><td style="background-color:${b.primary};padding:20px 24px;"><a href="${e(b.siteUrl)}" style="text-decoration:none;color:${b.onPrimary};">${mark}</a></td></tr>`;
}

function actionHtml(action: NonNullable<MailContent['action']>, b: MailBranding): string {
  const href = e(action.url);
  return (
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:28px 0 12px;"><tr>` +
    `<td style="background-color:${b.accent};border-radius:6px;">` +
    `<a href="${href}" style="display:inline-block;padding:12px 28px;font-size:16px;font-weight:bold;color:${b.onAccent};text-decoration:none;">${e(action.label)}</a>` +
    `</td></tr></table>` +
    `<p style="margin:0 0 16px;font-size:13px;line-height:1.5;color:${b.muted};">${e(action.fallback)}<br>` +
    `<a href="${href}" style="color:${b.primary};word-break:break-all;">${e(action.url)}</a></p>`
  );
}

/**
 * One branded layout for every traveller mail. Mail clients drop <style> and external sheets, so
 * every colour is an inline style on a table layout, which is what they all render alike.
 */
function layoutHtml(content: MailContent, b: MailBranding): string {
  const paragraph = (text: string) => `<p style="margin:0 0 12px;font-size:15px;line-height:1.6;">${e(text)}</p>`;
  const body = [
    `<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;">${e(content.heading)}</h1>`,
    ...content.paragraphs.map(paragraph),
    ...content.sections.map((section) => sectionHtml(section, b)),
    content.action ? actionHtml(content.action, b) : '<div style="height:16px;line-height:16px;">&nbsp;</div>',
    ...content.notes.map(paragraph),
  ].join('');
  const footer = content.footer
    .map((line) => `<p style="margin:0 0 6px;font-size:12px;line-height:1.5;color:${b.muted};">${e(line)}</p>`)
    .join('');
  const preview = content.paragraphs.slice(1).join(' ') || content.heading;
  return (
    `<!DOCTYPE html><html lang="${e(content.locale)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light only">` +
    `<title>${e(content.subject)}</title></head>` +
    `<body style="margin:0;padding:0;background-color:${b.rule};">` +
    // What inboxes show beside the subject, instead of the first words of the header.
    `<div style="display:none;max-height:0;overflow:hidden;">${e(preview)}</div>` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${b.rule};"><tr><td align="center" style="padding:24px 12px;">` +
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;border-collapse:collapse;background-color:${b.background};color:${b.text};font-family:${e(b.fontFamily)};">` +
    headerHtml(b) +
    `<tr><td style="padding:28px 24px 12px;color:${b.text};">${body}</td></tr>` +
    `<tr><td style="padding:16px 24px 24px;border-top:1px solid ${b.rule};">${footer}` +
    `<p style="margin:0;font-size:12px;"><a href="${e(b.siteUrl)}" style="color:${b.primary};">${e(b.siteUrl)}</a></p></td></tr>` +
    `</table></td></tr></table></body></html>`
  );
}

/** The same mail for clients that show no HTML: every fact and link the HTML part has. */
function layoutText(content: MailContent, b: MailBranding): string {
  const lines: string[] = [b.name, '='.repeat(Math.min(Math.max(b.name.length, 3), 60)), '', content.heading, ''];
  for (const paragraph of content.paragraphs) lines.push(paragraph, '');
  for (const section of content.sections) {
    if (section.title) lines.push(section.title, '-'.repeat(Math.min(Math.max(section.title.length, 3), 60)));
    for (const row of section.rows) lines.push(row.label === undefined ? `  ${row.value}` : `  ${row.label}: ${row.value}`);
    lines.push('');
  }
  if (content.action) lines.push(`${content.action.label}:`, content.action.url, '');
  for (const note of content.notes) lines.push(note, '');
  lines.push('--', ...content.footer, b.siteUrl);
  return `${lines.join('\n')}\n`;
}

export function renderMailLayout(content: MailContent, branding: MailBranding): RenderedMail {
  return { subject: content.subject, html: layoutHtml(content, branding), text: layoutText(content, branding) };
}
