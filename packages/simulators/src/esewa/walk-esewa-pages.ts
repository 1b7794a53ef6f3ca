import { ESEWA_TEST_TRAVELLER } from './esewa-test-accounts.ts';

/**
 * A traveller paying on the local eSewa over plain HTTP, as a browser would: post the merchant's
 * signed form, follow each 303 by hand, read the page's form (its action and hidden fields), fill
 * in the eSewa ID and password, then the OTP, and stop at the redirect back to the merchant. For
 * tests of anything that hands a traveller an eSewa form; no page is skipped or shortcut.
 */
export interface WalkEsewaPagesOptions {
  /** The form as the platform hands it to the browser. */
  form: { action: string; fields: Record<string, string> };
  esewaId?: string;
  password?: string;
  otp?: string;
  /** Press "Cancel payment" on this page instead of going on. */
  cancelAt?: 'sign-in' | 'confirm';
}

export type EsewaWalkOutcome =
  /** eSewa sent the browser back to the merchant: success_url?data=… (paid) or failure_url (cancelled). */
  | { outcome: 'returned'; location: string; data?: string }
  /** eSewa would not go on: the step, its HTTP status and page (an error page, or the form shown again). */
  | { outcome: 'refused'; step: 'form' | 'sign-in' | 'confirm'; status: number; page: string };

interface PageForm {
  action: string;
  fields: Record<string, string>;
}

function decodeEntities(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&');
}

/** The page's forms with their hidden fields (the pages are our own plain HTML, so a pattern reads them). */
function formsOf(html: string): PageForm[] {
  return [...html.matchAll(/<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)].map(([, action, inner]) => ({
    action: decodeEntities(action!),
    fields: Object.fromEntries(
      [...inner!.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map(([, n, v]) => [
        decodeEntities(n!),
        decodeEntities(v!),
      ]),
    ),
  }));
}

async function post(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

async function get(url: string): Promise<Response> {
  return fetch(url, { redirect: 'manual' });
}

function returned(location: string): EsewaWalkOutcome {
  return { outcome: 'returned', location, data: new URL(location).searchParams.get('data') ?? undefined };
}

export async function walkEsewaPages(options: WalkEsewaPagesOptions): Promise<EsewaWalkOutcome> {
  const { action } = options.form;
  const resolve = (location: string) => new URL(location, action).toString();

  const posted = await post(action, options.form.fields);
  if (posted.status !== 303) return { outcome: 'refused', step: 'form', status: posted.status, page: await posted.text() };
  let location = resolve(posted.headers.get('location')!);

  for (const step of ['sign-in', 'confirm'] as const) {
    const shown = await get(location);
    const html = await shown.text();
    if (shown.status !== 200) return { outcome: 'refused', step, status: shown.status, page: html };
    const forms = formsOf(html);
    const cancel = forms.find((f) => f.action.endsWith('/cancel'));
    if (options.cancelAt === step && cancel) {
      const cancelled = await post(resolve(cancel.action), cancel.fields);
      return cancelled.status === 303
        ? returned(resolve(cancelled.headers.get('location')!))
        : { outcome: 'refused', step, status: cancelled.status, page: await cancelled.text() };
    }
    const form = forms.find((f) => f !== cancel)!;
    const filled: Record<string, string> =
      step === 'sign-in'
        ? {
            esewa_id: options.esewaId ?? ESEWA_TEST_TRAVELLER.esewaId,
            password: options.password ?? ESEWA_TEST_TRAVELLER.password,
          }
        : { otp: options.otp ?? ESEWA_TEST_TRAVELLER.otp, action: 'confirm' };
    const sent = await post(resolve(form.action), { ...form.fields, ...filled });
    if (sent.status !== 303) return { outcome: 'refused', step, status: sent.status, page: await sent.text() };
    location = resolve(sent.headers.get('location')!);
    if (step === 'confirm') return returned(location);
  }
  throw new Error('unreachable');
}
