import type { LoggerInstance } from 'next-auth';

/**
 * One line per next-auth event instead of its default multi-line dumps. A refused session (expired,
 * another realm's, tampered) is routine and logged as a warning; its token is never printed.
 */
export const authLogger: Partial<LoggerInstance> = {
  error(code, metadata) {
    const error = metadata instanceof Error ? metadata : (metadata as { error?: Error } | undefined)?.error;
    const line = `[auth] ${code}${error?.message ? `: ${error.message}` : ''}`;
    if (code === 'JWT_SESSION_ERROR') console.warn(line);
    else console.error(line);
  },
  warn(code) {
    console.warn(`[auth] ${code}`);
  },
  debug() {},
};
