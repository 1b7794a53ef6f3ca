import { describe, expect, it } from 'vitest';
import { healthResponse, type HealthReport } from './health.ts';

describe('healthResponse', () => {
  it('answers 200 with the database latency and the event-loop delay the app measures', async () => {
    const response = await healthResponse('web', () => Promise.resolve(), { eventLoopDelayMs: () => 12.6 });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const report = (await response.json()) as HealthReport;
    expect(report).toMatchObject({ status: 'ok', app: 'web', database: { status: 'up' }, eventLoop: { delayMaxMs: 13 } });
  });

  it('answers 503 when the database does not answer in time, and leaves out what the app does not measure', async () => {
    const response = await healthResponse('admin', () => new Promise(() => undefined), { timeoutMs: 20 });
    expect(response.status).toBe(503);
    const report = (await response.json()) as HealthReport;
    expect(report.status).toBe('degraded');
    expect(report.database.status).toBe('down');
    expect(report.eventLoop).toBeUndefined();
  });
});
