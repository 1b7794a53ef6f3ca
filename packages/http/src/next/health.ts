export interface HealthReport {
  status: 'ok' | 'degraded';
  database: { status: 'up' | 'down'; latencyMs: number };
  app: string;
  /** The event loop's worst delay over the last half second, where the app measures it. */
  eventLoop?: { delayMaxMs: number };
}

/**
 * `GET /api/health` of an app: 200 when the database answers within `timeoutMs`, else 503 so a load
 * balancer takes the instance out of rotation. The app itself is up if it can answer at all.
 */
export async function healthResponse(
  app: string,
  pingDatabase: () => Promise<unknown>,
  options: { timeoutMs?: number; eventLoopDelayMs?: () => number } = {},
): Promise<Response> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const started = performance.now();
  let up: boolean;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      pingDatabase(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('database ping timed out')), timeoutMs);
      }),
    ]);
    up = true;
  } catch {
    up = false;
  } finally {
    clearTimeout(timer);
  }
  const report: HealthReport = {
    status: up ? 'ok' : 'degraded',
    database: { status: up ? 'up' : 'down', latencyMs: Math.round(performance.now() - started) },
    app,
    ...(options.eventLoopDelayMs ? { eventLoop: { delayMaxMs: Math.round(options.eventLoopDelayMs()) } } : {}),
  };
  return Response.json(report, { status: up ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
