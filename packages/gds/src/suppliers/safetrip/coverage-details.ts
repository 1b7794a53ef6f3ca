import { z } from 'zod';
import { decimalToMinor, minorToDecimal } from '../../money/money.ts';
import type { InsuranceQuoteRequest } from '../../products/insurance.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';
import { element, otaMoneySchema, textSchema } from './ota-payload.ts';

/**
 * What every safetrip quote and booking restates (OTA InsCoverageType): the covered travellers and the
 * trip (dates, destination, trip cost, adventure activities). Built for requests, read back from
 * OTA_InsuranceBookRS so a held policy can be issued with the same content.
 */

/** The trip as safetrip prices it: the quote request without its travellers. */
export type SafetripTrip = Omit<InsuranceQuoteRequest, 'travellers'>;

/** Quoting knows ages only; booking knows names and birth dates. */
export type CoveredPerson = { age: number } | { givenName: string; familyName: string; dateOfBirth: string };

/** Names are not known at quote time, but PersonNameType requires a Surname: "TBA", as for unnamed passengers. */
const UNNAMED = 'TBA';
const ADVENTURE_ACTIVITY = 'Trekking';

export function coveredTravelersXml(persons: CoveredPerson[], residenceCountry: string): XmlNode {
  return {
    CoveredTraveler: persons.map((person, index) => ({
      CoveredPerson: {
        '@_Relation': `Traveler ${index + 1}`,
        ...('age' in person
          ? { '@_Age': String(person.age), Surname: UNNAMED }
          : { '@_BirthDate': person.dateOfBirth, GivenName: person.givenName, Surname: person.familyName }),
      },
      Address: { CountryName: { '@_Code': residenceCountry } },
    })),
  };
}

export function insCoverageDetailXml(trip: SafetripTrip): XmlNode {
  const { currency } = trip.tripCost;
  return {
    '@_Type': 'SingleTrip',
    '@_EffectiveDate': trip.departureDate,
    '@_ExpireDate': trip.returnDate,
    // Written with the currency's own decimals (the OTA Money type allows at most three).
    TotalTripCost: {
      '@_Amount': minorToDecimal(decimalToMinor(trip.tripCost.amount, currency), currency),
      '@_CurrencyCode': currency,
    },
    CoveredTrips: {
      CoveredTrip: {
        '@_Start': trip.departureDate,
        '@_End': trip.returnDate,
        Destinations: { Destination: { CountryName: { '@_Code': trip.destinationCountry } } },
        ...(trip.adventureActivities ? { Activities: { Activity: ADVENTURE_ACTIVITY } } : {}),
      },
    },
  };
}

const countryCode = z.object({ CountryName: z.object({ '@_Code': z.string().regex(/^[A-Z]{2}$/) }) });

const coveredTravelersSchema = z.object({
  CoveredTraveler: z
    .array(
      z.object({
        CoveredPerson: z.object({
          '@_BirthDate': z.iso.date(),
          GivenName: z.array(textSchema).min(1),
          Surname: textSchema,
        }),
        Address: z.array(countryCode).min(1),
      }),
    )
    .min(1),
});

const insCoverageDetailSchema = z.object({
  TotalTripCost: otaMoneySchema,
  CoveredTrips: z.object({
    CoveredTrip: z
      .array(
        z.object({
          '@_Start': z.iso.date(),
          '@_End': z.iso.date(),
          Destinations: z.object({ Destination: z.array(countryCode).min(1) }),
          Activities: element(z.object({ Activity: z.array(textSchema) })).optional(),
        }),
      )
      .min(1),
  }),
});

export interface Restatement {
  travellers: Array<{ givenName: string; familyName: string; dateOfBirth: string }>;
  trip: SafetripTrip;
}

/** The travellers and trip of a PlanForBookRS, when it carries all of them (safetrip's do). */
export function readRestatement(plan: XmlNode): Restatement | undefined {
  const travellers = coveredTravelersSchema.safeParse(plan.CoveredTravelers);
  const detail = insCoverageDetailSchema.safeParse(plan.InsCoverageDetail);
  if (!travellers.success || !detail.success) return undefined;
  const trip = detail.data.CoveredTrips.CoveredTrip[0]!;
  const cost = detail.data.TotalTripCost;
  return {
    travellers: travellers.data.CoveredTraveler.map(({ CoveredPerson: person }) => ({
      givenName: person.GivenName[0]!,
      familyName: person.Surname,
      dateOfBirth: person['@_BirthDate'],
    })),
    trip: {
      departureDate: trip['@_Start'],
      returnDate: trip['@_End'],
      destinationCountry: trip.Destinations.Destination[0]!.CountryName['@_Code'],
      residenceCountry: travellers.data.CoveredTraveler[0]!.Address[0]!.CountryName['@_Code'],
      tripCost: { amount: minorToDecimal(cost.amountMinor, cost.currency), currency: cost.currency },
      adventureActivities: (trip.Activities?.Activity ?? []).includes(ADVENTURE_ACTIVITY),
    },
  };
}
