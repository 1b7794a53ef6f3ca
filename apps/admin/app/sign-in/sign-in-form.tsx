'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';

const MESSAGES: Record<string, string> = {
  CredentialsSignin: 'That email and password do not match an account here.',
  SignInUnavailable: 'Signing in is not possible right now. Please try again in a minute.',
  TooManyAttempts: 'Too many wrong passwords for this account. Please wait 15 minutes and try again.',
};

/**
 * Posts the credentials through next-auth's client, which fetches a CSRF token first; next-auth
 * checks it against its CSRF cookie before looking at the password.
 */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      callbackUrl,
      redirect: false,
    });
    if (!result?.ok || result.error || !result.url) {
      setError(MESSAGES[result?.error ?? ''] ?? MESSAGES.SignInUnavailable!);
      setPending(false);
      return;
    }
    // next-auth has already checked that the URL is on this host.
    window.location.assign(result.url);
  }

  return (
    <form onSubmit={submit} className="mt-8 space-y-5">
      <label className="block">
        <span className="text-sm font-medium">Email</span>
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 w-full rounded-lg border border-ink/15 bg-white px-3 py-2.5 outline-none focus:border-brand focus:ring-2 focus:ring-brand/30"
        />
      </label>
      <label className="block">
        <span className="text-sm font-medium">Password</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 w-full rounded-lg border border-ink/15 bg-white px-3 py-2.5 outline-none focus:border-brand focus:ring-2 focus:ring-brand/30"
        />
      </label>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-brand px-4 py-2.5 font-semibold text-on-brand transition hover:opacity-90 disabled:opacity-60"
      >
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
