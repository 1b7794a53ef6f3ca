import { eventLoopDelayMs } from '@himal/core';
import { pingDatabase } from '@himal/db';
import { healthResponse } from '@himal/http/next';

export const dynamic = 'force-dynamic';

export function GET(): Promise<Response> {
  return healthResponse('web', pingDatabase, { eventLoopDelayMs });
}
