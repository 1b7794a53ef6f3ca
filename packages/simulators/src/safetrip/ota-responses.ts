import { currencyExponent, minorToDecimal, type Money } from '@himal/gds';
import { buildXml, type XmlNode } from '@himal/gds/xml';
import type { CancelQuote, InsuredPerson, PolicyRecord } from './policy-ledger.ts';
import { PREMIUM_TAX_PERCENT, type Cover, type CoverageLine, type Premium } from './premium-rules.ts';
import type { Refusal } from './refusals.ts';

/**
 * The OpenTravel 2011B responses safetrip answers with (each validates against its schema):
 * OTA_InsuranceQuoteRS, OTA_InsuranceBookRS (book, issue and read), OTA_CancelRS.
 *
 * How a policy's state shows in OTA_InsuranceBookRS/PlanForBookRS/PolicyDetail:
 * - PolicyNumber Type 23 (provisional reservation) while on hold, Type 14 once issued;
 * - RefNumber Type 16, ID_Context "BookingReference": the booking reference, the same in every state;
 * - RefNumber Type 15 (cancellation), ID_Context "Cancellation" or "HoldLapsed", once it ends;
 * - PlanRestriction Code "HOLD", CodeContext "TimeLimit": when an unissued hold lapses (ISO 8601).
 */
export const OTA_NS = 'http://www.opentravel.org/OTA/2003/05';
const OTA_VERSION = '2.000';

export interface Envelope {
  echoToken?: string;
  now: Date;
}

/** A warning: Type 3 (business rule) with a code when a plan was left out, Type 11 (advisory) otherwise. */
export interface Advisory {
  code?: string;
  shortText?: string;
  text: string;
}

function rootAttributes({ echoToken, now }: Envelope, extra: Record<string, string> = {}): XmlNode {
  return {
    '@_xmlns': OTA_NS,
    ...(echoToken ? { '@_EchoToken': echoToken } : {}),
    '@_TimeStamp': now.toISOString(),
    '@_Version': OTA_VERSION,
    ...Object.fromEntries(Object.entries(extra).map(([key, value]) => [`@_${key}`, value])),
  };
}

function amount(value: Money): XmlNode {
  return {
    '@_Amount': minorToDecimal(value.amountMinor, value.currency),
    '@_CurrencyCode': value.currency,
    '@_DecimalPlaces': String(currencyExponent(value.currency)),
  };
}

function warnings(advisories: Advisory[]): XmlNode {
  if (advisories.length === 0) return {};
  return {
    Warnings: {
      Warning: advisories.map((a) => ({
        '@_Type': a.code ? '3' : '11',
        ...(a.code ? { '@_Code': a.code, '@_ShortText': a.shortText } : {}),
        '#text': a.text,
      })),
    },
  };
}

export function errorsResponse(
  rootName: string,
  refusals: Refusal[],
  envelope: Envelope,
  extra: Record<string, string> = {},
): string {
  return buildXml({
    [rootName]: {
      ...rootAttributes(envelope, extra),
      Errors: { Error: refusals.map((r) => ({ '@_Type': '3', '@_Code': r.code, '@_ShortText': r.shortText, '#text': r.text })) },
    },
  });
}

function coverageRequirements(coverages: CoverageLine[]): XmlNode {
  return {
    CoverageRequirement: coverages.map((line) => ({
      '@_CoverageType': line.code,
      ...(line.level ? { '@_CoverageLevel': line.level } : {}),
      ...(line.deductible ? { Deductible: amount(line.deductible) } : {}),
      PolicyLimit: amount(line.limit),
    })),
  };
}

function insCoverageDetail(cover: Cover, coverages: CoverageLine[]): XmlNode {
  return {
    '@_Type': 'SingleTrip',
    '@_EffectiveDate': cover.startDate,
    '@_ExpireDate': cover.endDate,
    CoverageRequirements: coverageRequirements(coverages),
    TotalTripCost: amount(cover.tripCost),
    CoveredTrips: {
      CoveredTrip: {
        '@_Start': cover.startDate,
        '@_End': cover.endDate,
        Destinations: { Destination: { CountryName: { '@_Code': cover.destinationCountry } } },
        ...(cover.adventure ? { Activities: { Activity: 'Trekking' } } : {}),
      },
    },
  };
}

function planCost(premium: Premium): XmlNode {
  const tax = amount(premium.tax);
  return {
    ...amount(premium.total),
    BasePremium: amount(premium.base),
    Charges: {
      Charge: {
        '@_Type': 'Exclusive',
        '@_TaxInclusive': 'false',
        ...tax,
        Taxes: {
          ...tax,
          Tax: {
            '@_Type': 'Exclusive',
            '@_Code': 'IPT',
            '@_Percent': String(PREMIUM_TAX_PERCENT),
            ...tax,
            TaxDescription: { '@_Name': 'Insurance premium tax' },
          },
        },
      },
    },
  };
}

export interface QuotedPlan {
  planId: string;
  planName: string;
  cover: Cover;
  premium: Premium;
}

export function quoteResponse(plans: QuotedPlan[], advisories: Advisory[], envelope: Envelope): string {
  return buildXml({
    OTA_InsuranceQuoteRS: {
      ...rootAttributes(envelope),
      Success: '',
      ...warnings(advisories),
      PlanForQuoteRS: plans.map((plan, index) => ({
        '@_PlanID': plan.planId,
        '@_Name': plan.planName,
        '@_RPH': String(index + 1),
        QuoteDetail: {
          ProviderCompany: { '@_CompanyShortName': 'safetrip', '@_Code': 'SAFETRIP', '#text': 'safetrip Insurance' },
        },
        InsCoverageDetail: insCoverageDetail(plan.cover, plan.premium.coverages),
        PlanCost: planCost(plan.premium),
      })),
    },
  });
}

function coveredTraveler(person: InsuredPerson, index: number, residenceCountry: string | undefined): XmlNode {
  return {
    CoveredPerson: {
      '@_Relation': `Traveler ${index + 1}`,
      ...(person.birthDate ? { '@_BirthDate': person.birthDate } : {}),
      '@_Age': String(person.age),
      ...(person.givenName ? { GivenName: person.givenName } : {}),
      Surname: person.surname,
    },
    ...(residenceCountry ? { Address: { CountryName: { '@_Code': residenceCountry } } } : {}),
  };
}

function policyDetail(policy: PolicyRecord): XmlNode {
  const ended = policy.status === 'cancelled' || policy.status === 'lapsed';
  return {
    '@_OrderDate': policy.orderedAt.toISOString().slice(0, 10),
    '@_EffectiveDate': policy.cover.startDate,
    '@_ExpireDate': policy.cover.endDate,
    PolicyNumber: policy.policyNumber
      ? { '@_Type': '14', '@_ID': policy.policyNumber }
      : { '@_Type': '23', '@_ID': policy.reference },
    RefNumber: [
      { '@_Type': '16', '@_ID': policy.reference, '@_ID_Context': 'BookingReference' },
      ...(ended
        ? [
            {
              '@_Type': '15',
              '@_ID': policy.cancellationNumber,
              '@_ID_Context': policy.status === 'lapsed' ? 'HoldLapsed' : 'Cancellation',
            },
          ]
        : []),
    ],
    ...(policy.status === 'held'
      ? {
          PlanRestrictions: {
            PlanRestriction: {
              '@_Code': 'HOLD',
              '@_CodeContext': 'TimeLimit',
              '@_Name': 'Unissued hold lapses at',
              '#text': policy.holdExpiresAt.toISOString(),
            },
          },
        }
      : {}),
  };
}

export function policyResponse(policy: PolicyRecord, advisories: Advisory[], envelope: Envelope): string {
  return buildXml({
    OTA_InsuranceBookRS: {
      ...rootAttributes(envelope, { TransactionIdentifier: policy.reference }),
      Success: '',
      ...warnings(advisories),
      PlanForBookRS: {
        '@_PlanID': policy.planId,
        '@_Name': policy.planName,
        PolicyDetail: policyDetail(policy),
        CoveredTravelers: {
          CoveredTraveler: policy.travellers.map((person, index) => coveredTraveler(person, index, policy.residenceCountry)),
        },
        InsCoverageDetail: insCoverageDetail(policy.cover, policy.premium.coverages),
        PlanCost: planCost(policy.premium),
      },
    },
  });
}

/** A cancellation quote (Status Pending) or a committed cancellation (Status Cancelled). */
export function cancelResponse(
  quote: CancelQuote,
  committed: { cancellationNumber: string } | undefined,
  advisories: Advisory[],
  envelope: Envelope,
): string {
  return buildXml({
    OTA_CancelRS: {
      ...rootAttributes(envelope, { Status: committed ? 'Cancelled' : 'Pending' }),
      Success: '',
      ...warnings(advisories),
      UniqueID: { '@_Type': '14', '@_ID': quote.reference },
      CancelInfoRS: {
        CancelRules: {
          CancelRule: [
            { '@_Type': 'Charge', ...amount(quote.penalty) },
            {
              '@_Type': 'Refund',
              ...(committed ? {} : { '@_CancelByDate': quote.expiresAt.toISOString() }),
              ...amount(quote.refund),
            },
          ],
        },
        UniqueID: committed
          ? { '@_Type': '15', '@_ID': committed.cancellationNumber, '@_ID_Context': 'Cancellation' }
          : { '@_Type': '16', '@_ID': quote.quoteRef, '@_ID_Context': 'CancelQuote' },
      },
    },
  });
}
