/**
 * Slows password guessing: after `maxFailures` wrong passwords for one account (realm + email)
 * within `windowMs`, further attempts are refused until the oldest failure leaves the window,
 * without checking the password. Kept in the process's memory: each app instance counts its own
 * attempts, which bounds guessing per instance without a database write per failed sign-in.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly maxAccounts = 100_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((at) => now - at < this.windowMs);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Milliseconds until this account may try again; 0 when it may try now. */
  retryAfterMs(key: string, now = Date.now()): number {
    const recent = this.recent(key, now);
    return recent.length >= this.maxFailures ? this.windowMs - (now - recent[recent.length - this.maxFailures]!) : 0;
  }

  recordFailure(key: string, now = Date.now()): void {
    if (!this.failures.has(key) && this.failures.size >= this.maxAccounts) {
      // Bounded memory under a spray of made-up accounts: forget the oldest entry.
      this.failures.delete(this.failures.keys().next().value!);
    }
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }
}
