import { describe, expect, it } from 'vitest';
import { createAirOfferRequest } from './create-air-offer-request.ts';
import { createHotelSearch } from './create-hotel-search.ts';
import { createInsuranceQuote } from './create-insurance-quote.ts';
import { AdmissionGate, admissionLimits } from './search-admission.ts';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** No schema of this name exists: a request that reached the database would fail loudly. */
const tenant = { id: 'no-such-agency', schemaName: 'tenant_does_not_exist' };

/**
 * The services hold every request to its product's rules themselves, whichever client sends it:
 * a refused request names its fields in the product's terms, and takes no place and asks no supplier.
 */
describe('search services refuse requests that break their product’s rules', () => {
  const gate = new AdmissionGate(admissionLimits({ maxEventLoopDelayMs: 0 }));
  const noSupplier = { connections: [], admission: gate };

  it('flights: a lap infant needs an adult, and a slice another city', async () => {
    const search = createAirOfferRequest(
      tenant,
      {
        slices: [{ origin: 'KTM', destination: 'KTM', departureDate: inDays(10) }],
        passengers: [{ type: 'adult' }, { type: 'infant_without_seat' }, { type: 'infant_without_seat' }],
      },
      noSupplier,
    );
    await expect(search).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      fields: [
        { path: ['slices', 0, 'destination'], message: 'must be another city than the origin' },
        { path: ['passengers'], message: 'each infant without a seat travels on an adult’s lap' },
      ],
    });
    expect(gate.stats()).toEqual({ inFlight: 0, queued: 0, agencies: 0 });
  });

  it('hotels: stays of at most 30 nights in a city the platform knows', async () => {
    await expect(
      createHotelSearch(
        tenant,
        { cityCode: 'QQQ', checkIn: inDays(10), checkOut: inDays(45), rooms: [{ adults: 2 }] },
        noSupplier,
      ),
    ).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      fields: [
        { path: ['cityCode'], message: 'not a city we know' },
        { path: ['checkOut'], message: 'stays are at most 30 nights' },
      ],
    });
  });

  it('insurance: no traveller over 100, and a trip cost within its currency’s decimals', async () => {
    await expect(
      createInsuranceQuote(
        tenant,
        {
          tripCost: { amount: '100.125', currency: 'NPR' },
          departureDate: inDays(10),
          returnDate: inDays(20),
          destinationCountry: 'NP',
          travellers: [{ age: 101 }],
        },
        undefined,
        noSupplier,
      ),
    ).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      fields: [
        { path: ['tripCost', 'amount'], message: 'NPR has 2 decimals' },
        { path: ['travellers', 0, 'age'], message: 'travellers over 100 cannot be insured online' },
      ],
    });
  });
});
