import { hashSeed } from '../harness/simulator-clock.ts';

/**
 * roomrack's rateKey: everything needed to book a rate, the per-night price it was quoted at
 * included, sealed with a checksum so a client cannot edit it. Opaque to clients.
 */
export interface RateKey {
  propertyCode: string;
  roomCode: string;
  ratePlan: string;
  checkIn: string;
  checkOut: string;
  /** Per room: adults, then the children's ages. */
  occupancy: Array<{ adults: number; childAges: number[] }>;
  perNightPaisa: number;
}

const SEAL = 'roomrack-rate-key-v3';

function checksum(payload: string): string {
  return hashSeed(`${SEAL}:${payload}`).toString(36);
}

export function encodeRateKey(key: RateKey): string {
  const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
  return `${payload}.${checksum(payload)}`;
}

export function decodeRateKey(text: string): RateKey | undefined {
  const [payload, seal] = text.split('.');
  if (!payload || seal !== checksum(payload)) return undefined;
  try {
    const key = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as RateKey;
    return typeof key.propertyCode === 'string' && Array.isArray(key.occupancy) && Number.isInteger(key.perNightPaisa)
      ? key
      : undefined;
  } catch {
    return undefined;
  }
}
