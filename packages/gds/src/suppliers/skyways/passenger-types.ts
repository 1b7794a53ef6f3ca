import type { AirSearchRequest } from '../../products/air.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';

type Passengers = AirSearchRequest['passengers'];
type PassengerType = Passengers[number]['type'];

/** OpenTravel passenger type codes (PTC) for the platform's passenger types. */
export const PTC: Record<PassengerType, string> = { adult: 'ADT', child: 'CHD', infant_without_seat: 'INF' };

/** Infants sit on a lap: they count in the party but take no seat. */
export function seatsFor(passengers: Array<{ type: PassengerType }>): number {
  return passengers.filter((p) => p.type !== 'infant_without_seat').length;
}

/** TravelerInfoSummary content: one PassengerTypeQuantity per type and age. */
export function travelerInfoSummaryXml(passengers: Passengers, currency: string): XmlNode {
  const groups = new Map<string, { code: string; age?: number; quantity: number }>();
  for (const passenger of passengers) {
    const key = `${passenger.type}|${passenger.age ?? ''}`;
    const group = groups.get(key) ?? { code: PTC[passenger.type], age: passenger.age, quantity: 0 };
    group.quantity += 1;
    groups.set(key, group);
  }
  return {
    AirTravelerAvail: {
      PassengerTypeQuantity: [...groups.values()].map((g) => ({
        ...(g.age !== undefined ? { '@_Age': String(g.age) } : {}),
        '@_Code': g.code,
        '@_Quantity': String(g.quantity),
      })),
    },
    PriceRequestInformation: { '@_CurrencyCode': currency },
  };
}
