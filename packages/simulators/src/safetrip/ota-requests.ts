import { decimalToMinor, type Money } from '@himal/gds';
import { asArray, textOf, type UsernameToken, type XmlNode } from '@himal/gds/xml';
import type { InsuredPerson } from './policy-ledger.ts';
import { ageOn, type Cover } from './premium-rules.ts';
import { refuse } from './refusals.ts';

/**
 * What safetrip reads from the OpenTravel requests it receives (parsed by the platform's safe parser,
 * prefixes removed). Anything it needs and cannot find is an Errors response (code 321 or 320), as a
 * real supplier would answer, never an exception.
 */
export const REQUEST_ARRAYS = [
  'PlanForQuoteRQ',
  'PlanForBookRQ',
  'CoveredTraveler',
  'CoveredTrip',
  'Destination',
  'Activity',
  'GivenName',
  'Address',
  'UniqueID',
];

type Node = XmlNode | undefined;

const child = (node: Node, name: string): Node =>
  node?.[name] && typeof node[name] === 'object' ? (node[name] as XmlNode) : undefined;
const children = (node: Node, name: string): XmlNode[] =>
  asArray(node?.[name] as XmlNode | XmlNode[] | undefined).filter((c) => typeof c === 'object');
const attr = (node: Node, name: string): string | undefined => (node?.[`@_${name}`] as string | undefined)?.trim() || undefined;
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : textOf(value))?.trim() || undefined;

/** Trekking and mountaineering are what the adventure cover is for; sightseeing is not. */
const ADVENTURE_ACTIVITY = /trek|mountaineer|climb/i;

export interface CoverRequest {
  planId: string;
  travellers: InsuredPerson[];
  residenceCountry?: string;
  cover: Cover;
}

function amountOf(node: Node, what: string): Money {
  const amount = attr(node, 'Amount');
  const currency = attr(node, 'CurrencyCode');
  if (!amount || !currency) refuse('requiredFieldMissing', `${what} needs Amount and CurrencyCode`);
  try {
    return { amountMinor: decimalToMinor(amount, currency), currency };
  } catch {
    return refuse('invalidValue', `${what} ${amount} ${currency} is not an amount`);
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** One PlanForQuoteRQ or PlanForBookRQ (both extend InsCoverageType). */
export function readCoverRequest(plan: XmlNode): CoverRequest {
  const planId = attr(plan, 'PlanID');
  if (!planId) refuse('requiredFieldMissing', 'PlanID');
  const detail = child(plan, 'InsCoverageDetail');
  const trip = children(child(detail, 'CoveredTrips'), 'CoveredTrip')[0];
  const startDate = (attr(trip, 'Start') ?? attr(detail, 'EffectiveDate'))?.slice(0, 10);
  const endDate = (attr(trip, 'End') ?? attr(detail, 'ExpireDate'))?.slice(0, 10);
  if (!startDate || !endDate) refuse('requiredFieldMissing', 'the trip dates (CoveredTrip Start and End)');
  if (
    !ISO_DATE.test(startDate) ||
    !ISO_DATE.test(endDate) ||
    Number.isNaN(Date.parse(startDate)) ||
    Number.isNaN(Date.parse(endDate))
  ) {
    refuse('invalidDate', `${startDate} to ${endDate} are not dates`);
  }
  const destination = children(child(trip, 'Destinations'), 'Destination')[0];
  const destinationCountry = attr(child(destination, 'CountryName'), 'Code');
  if (!destinationCountry) refuse('requiredFieldMissing', 'the destination country (Destination/CountryName/@Code)');
  const covered = children(child(plan, 'CoveredTravelers'), 'CoveredTraveler');
  const tripCost = tripCostOf(detail, covered);
  const activities = asArray(child(trip, 'Activities')?.Activity as unknown[] | undefined);
  const adventure = activities.some((activity) => ADVENTURE_ACTIVITY.test(text(activity) ?? ''));

  const travellers = covered.map((traveller, index): InsuredPerson => {
    const person = child(traveller, 'CoveredPerson');
    const birthDate = attr(person, 'BirthDate');
    const statedAge = attr(person, 'Age');
    if (!birthDate && !statedAge) refuse('requiredFieldMissing', `traveller ${index + 1} needs a BirthDate or an Age`);
    const age = birthDate ? ageOn(birthDate, startDate) : Number(statedAge);
    return { givenName: text(asArray(person?.GivenName)[0]), surname: text(person?.Surname) ?? '', birthDate, age };
  });
  const residenceCountry = attr(child(children(covered[0], 'Address')[0], 'CountryName'), 'Code');
  return {
    planId,
    travellers,
    ...(residenceCountry ? { residenceCountry } : {}),
    cover: { travellerAges: travellers.map((t) => t.age), startDate, endDate, destinationCountry, tripCost, adventure },
  };
}

/**
 * What the trip costs: the plan's TotalTripCost, or else the sum of each covered traveller's own
 * cost (IndCoverageReqs/IndTripCost), as OpenTravel lets either be sent.
 */
function tripCostOf(detail: Node | undefined, covered: Node[]): Money {
  const total = child(detail, 'TotalTripCost');
  if (total) return amountOf(total, 'TotalTripCost');
  const each = covered.map((traveller) => child(child(traveller, 'IndCoverageReqs'), 'IndTripCost'));
  if (each.length === 0 || each.some((cost) => !cost))
    refuse('requiredFieldMissing', 'TotalTripCost, or an IndTripCost for every covered traveller');
  const costs = each.map((cost) => amountOf(cost!, 'IndTripCost'));
  if (costs.some((cost) => cost.currency !== costs[0]!.currency))
    refuse('invalidValue', 'every IndTripCost is in the same currency');
  return { amountMinor: costs.reduce((sum, cost) => sum + cost.amountMinor, 0), currency: costs[0]!.currency };
}

export function readQuoteRequest(body: XmlNode): CoverRequest[] {
  const request = child(body, 'OTA_InsuranceQuoteRQ');
  return children(request, 'PlanForQuoteRQ').map(readCoverRequest);
}

export interface BookRequest extends CoverRequest {
  /**
   * TransactionStatusCode Start = bind on hold; End = issue the hold named by `reference`; none at
   * all = book and issue in one step.
   */
  step: 'hold' | 'issue' | 'book';
  reference?: string;
  /** The price the client was quoted, to be validated. */
  quotedCost?: Money;
}

export function readBookRequest(body: XmlNode): BookRequest {
  const request = child(body, 'OTA_InsuranceBookRQ');
  const plans = children(request, 'PlanForBookRQ');
  if (plans.length !== 1) refuse('invalidValue', 'safetrip books one plan per OTA_InsuranceBookRQ');
  const plan = plans[0]!;
  const statusCode = attr(request, 'TransactionStatusCode');
  if (statusCode !== undefined && statusCode !== 'Start' && statusCode !== 'End') {
    refuse('invalidValue', 'TransactionStatusCode: Start binds a policy on hold, End issues a held policy, none does both');
  }
  const reference = attr(children(plan, 'UniqueID')[0], 'ID') ?? attr(request, 'TransactionIdentifier');
  if (statusCode === 'End' && !reference) refuse('requiredFieldMissing', 'the held booking to issue (UniqueID)');
  const planCost = child(plan, 'PlanCost');
  return {
    ...readCoverRequest(plan),
    step: statusCode === 'Start' ? 'hold' : statusCode === 'End' ? 'issue' : 'book',
    ...(reference ? { reference } : {}),
    ...(planCost ? { quotedCost: amountOf(planCost, 'PlanCost') } : {}),
  };
}

export interface CancelRequest {
  /** quote: Quote or Initiate; commit: Commit (on the quote named, or the latest); cancel: Cancel, both at once. */
  step: 'quote' | 'commit' | 'cancel';
  reference: string;
  quoteRef?: string;
}

/**
 * OTA_CancelRQ, two-phase as OpenTravel defines it: CancelType Quote or Initiate, then Commit (with
 * the quote as UniqueID Type 16, or without it for the booking's latest quote); or Cancel at once.
 * The booking is UniqueID Type 14.
 */
export function readCancelRequest(body: XmlNode): CancelRequest {
  const request = child(body, 'OTA_CancelRQ');
  const cancelType = attr(request, 'CancelType');
  const steps = { Quote: 'quote', Initiate: 'quote', Commit: 'commit', Cancel: 'cancel' } as const;
  const step = steps[cancelType as keyof typeof steps] as CancelRequest['step'] | undefined;
  if (!step)
    refuse(
      'invalidValue',
      `CancelType ${cancelType ?? '(none)'}: safetrip cancels by Quote (or Initiate) then Commit, or by Cancel`,
    );
  const ids = children(request, 'UniqueID');
  const reference = attr(
    ids.find((id) => attr(id, 'Type') === '14'),
    'ID',
  );
  if (!reference) refuse('requiredFieldMissing', 'the booking to cancel (UniqueID Type 14)');
  const quoteRef = attr(
    ids.find((id) => attr(id, 'Type') === '16'),
    'ID',
  );
  return { step, reference, ...(quoteRef ? { quoteRef } : {}) };
}

export function readReadRequest(body: XmlNode): string {
  const request = child(body, 'OTA_ReadRQ');
  const reference =
    attr(children(request, 'UniqueID')[0], 'ID') ??
    attr(children(children(child(request, 'ReadRequests'), 'ReadRequest')[0], 'UniqueID')[0], 'ID');
  if (!reference) refuse('requiredFieldMissing', 'the booking to read (UniqueID)');
  return reference;
}

/** The UsernameToken in the wsse:Security header, if there is a complete one. */
export function readUsernameToken(header: XmlNode): UsernameToken | undefined {
  const token = child(child(header, 'Security'), 'UsernameToken');
  const username = text(token?.Username);
  const digest = text(token?.Password);
  const nonce = text(token?.Nonce);
  const created = text(token?.Created);
  return username && digest && nonce && created ? { username, digest, nonce, created } : undefined;
}

export function echoTokenOf(body: XmlNode): string | undefined {
  const root = Object.values(body).find((value) => value && typeof value === 'object') as Node;
  return attr(root, 'EchoToken');
}
