'use client';

import { signOut } from 'next-auth/react';

/** Signs out through next-auth (a CSRF-checked POST), then back to this host's sign-in page. */
export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: '/sign-in' })}
      className="rounded-lg border border-on-brand/30 px-3 py-1.5 text-sm font-medium text-on-brand hover:bg-on-brand/10"
    >
      Sign out
    </button>
  );
}
