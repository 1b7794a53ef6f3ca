/** Seats per cabin (Y economy, C business) of the aircraft types flying the network. */
export type Cabin = 'Y' | 'C';
export type CabinSeats = Partial<Record<Cabin, number>> & { Y: number };

const LAYOUTS: Record<string, CabinSeats> = {
  DHT: { Y: 16 }, // DHC-6 Twin Otter, seats capped by weight on mountain sectors
  D28: { Y: 16 }, // Dornier 228
  AT5: { Y: 48 }, // ATR 42-500
  AT7: { Y: 70 }, // ATR 72-500
  DH4: { Y: 78 }, // Dash 8 Q400
  '320': { C: 8, Y: 150 },
  '32N': { C: 8, Y: 156 },
  '738': { C: 16, Y: 144 },
  '7M8': { C: 12, Y: 150 },
  '788': { C: 22, Y: 232 },
  '332': { C: 18, Y: 256 },
};

/** Carriers whose cabins differ from the type's usual layout. */
const CARRIER_LAYOUTS: Record<string, CabinSeats> = {
  '6E/32N': { Y: 186 }, // all-economy
};

export function cabinSeats(carrier: string, equipment: string): CabinSeats {
  const layout = CARRIER_LAYOUTS[`${carrier}/${equipment}`] ?? LAYOUTS[equipment];
  if (!layout) throw new Error(`no cabin layout for ${equipment}`);
  return layout;
}
