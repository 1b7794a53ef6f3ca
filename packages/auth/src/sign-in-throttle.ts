import { clientKey, consumeRateLimits, refundRateLimits } from '@himal/db';
import { createHash } from 'node:crypto';

/**
 * Slows password guessing, shared by every app instance (the control plane's rate-limit counters)
 * and counted before the password is checked, so parallel attempts cannot slip past the limit.
 * Attempts are counted three ways in 15-minute windows:
 * - one client against one account (5): the usual lockout, but only for the client that guesses,
 *   so an attacker elsewhere cannot lock the real user out;
 * - one client against any accounts (20): a spray of many accounts from one place;
 * - one account from anywhere (50): slow guessing spread over many addresses.
 * A sign-in with the right password takes its attempt back from the last two and clears the first.
 */
export const SIGN_IN_LIMITS = { perClientAndAccount: 5, perClient: 20, perAccount: 50, windowMs: 15 * 60_000 } as const;

export interface SignInAttempt {
  /** `platform` or `tenant:<id>`: the same email in two realms is two accounts. */
  realm: string;
  email: string;
  /** The client's address. */
  client: string;
}

/** Emails are kept out of the counters' keys. */
const hashed = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 32);

function keysOf(attempt: SignInAttempt) {
  const account = hashed(`${attempt.realm}:${attempt.email.trim().toLowerCase()}`);
  const client = clientKey(attempt.client);
  return {
    pair: `signin:pair:${account}:${client}`,
    client: `signin:client:${client}`,
    account: `signin:account:${account}`,
  };
}

/** Counts an attempt; `admitted: false` means refuse it without checking the password. */
export async function admitSignInAttempt(attempt: SignInAttempt): Promise<{ admitted: boolean; retryAfterMs: number }> {
  const keys = keysOf(attempt);
  const windowMs = SIGN_IN_LIMITS.windowMs;
  const outcomes = await consumeRateLimits([
    { key: keys.pair, limit: SIGN_IN_LIMITS.perClientAndAccount, windowMs },
    { key: keys.client, limit: SIGN_IN_LIMITS.perClient, windowMs },
    { key: keys.account, limit: SIGN_IN_LIMITS.perAccount, windowMs },
  ]);
  const refused = outcomes.filter((outcome) => !outcome.allowed);
  if (refused.length === 0) return { admitted: true, retryAfterMs: 0 };
  return {
    admitted: false,
    retryAfterMs: Math.max(...refused.map((outcome) => outcome.resetsAt.getTime() - Date.now()), 0),
  };
}

/** The attempt was the account's owner: it does not count against them. */
export async function recordSuccessfulSignIn(attempt: SignInAttempt): Promise<void> {
  const keys = keysOf(attempt);
  await refundRateLimits([keys.pair], { clear: true });
  await refundRateLimits([keys.client, keys.account]);
}
