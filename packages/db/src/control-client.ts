import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/control/client.ts';
import { sharedPool } from './pool.ts';

export type ControlClient = PrismaClient;

let client: ControlClient | undefined;

/** The control-plane client: tenants, domains, platform users. Always schema `public`. */
export function controlDb(): ControlClient {
  client ??= new PrismaClient({ adapter: new PrismaPg(sharedPool(), { schema: 'public' }) });
  return client;
}

export async function disconnectControlDb(): Promise<void> {
  const current = client;
  client = undefined;
  await current?.$disconnect();
}
