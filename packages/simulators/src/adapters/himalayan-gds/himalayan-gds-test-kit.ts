import type { AirOffer, AirPassenger, AirSearchRequest, SupplierConnection } from '@himal/gds';
import { HIMALAYAN_GDS_SUPPLIER_ID } from '@himal/gds/suppliers/himalayan-gds';
import type { RunningSimulator } from '../../harness/simulator-server.ts';
import { HIMALAYAN_GDS_ACCOUNTS } from '../../himalayan-gds/himalayan-gds-simulator.ts';

/** Shared by the adapter's tests: accounts, dates, parties. */
export const PLATFORM_OFFICE = HIMALAYAN_GDS_ACCOUNTS[0]!;
export const OTHER_AGENCY_OFFICE = HIMALAYAN_GDS_ACCOUNTS[1]!;

export function connectionTo(sim: RunningSimulator, account = PLATFORM_OFFICE): SupplierConnection {
  return { supplierId: HIMALAYAN_GDS_SUPPLIER_ID, endpoint: sim.endpoint, credentials: { ...account } };
}

export function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export function oneWay(
  origin: string,
  destination: string,
  passengers: AirSearchRequest['passengers'] = [{ type: 'adult' }],
): AirSearchRequest {
  return { slices: [{ origin, destination, departureDate: inDays(30) }], passengers, cabinClass: 'economy' };
}

const NAMES = ['Pasang', 'Dawa', 'Nima', 'Mingma', 'Lhakpa', 'Pemba', 'Tenzing', 'Ang', 'Phurba'];

/** Named travellers for an offer's passengers, in order. */
export function travellersFor(offer: AirOffer): AirPassenger[] {
  const born = { adult: '1985-06-01', child: '2018-06-01', infant_without_seat: inDays(-200) };
  return offer.passengers.map((passenger, index) => ({
    type: passenger.type,
    givenName: NAMES[index]!,
    familyName: 'Sherpa',
    dateOfBirth: born[passenger.type],
  }));
}

export const CONTACT = { email: 'bookings@himal.example', phone: '+977 1 4000000' };
