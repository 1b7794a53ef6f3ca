import type { Money } from '../../money/money.ts';
import type { SupplierWarning } from '../../products/common.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';
import { attributeOf, childOf, childrenOf, pathOf } from '../../xml/xml-navigation.ts';
import { moneyOf } from './air-fare.ts';
import { badResponse, checkOtaStatus } from './ota-status.ts';

/** Answers to ticketing and cancelling: OTA_AirDemandTicketRS and OTA_CancelRS. */

export interface TicketingView {
  bookingReference?: string;
  ticketNumbers: string[];
  warnings: SupplierWarning[];
}

export function readDemandTicket(body: XmlNode): TicketingView {
  const response = body.OTA_AirDemandTicketRS as XmlNode | undefined;
  if (!response) throw badResponse('air.confirm', 'no OTA_AirDemandTicketRS in the answer');
  const warnings = checkOtaStatus(response, 'air.confirm');
  const items = childrenOf(response, 'TicketItemInfo');
  return {
    bookingReference: attributeOf(childOf(response, 'BookingReferenceID'), 'ID'),
    ticketNumbers: items.flatMap((item) => [
      ...[attributeOf(item, 'TicketNumber')].filter((n): n is string => Boolean(n)),
      ...childrenOf(item, 'ConjunctiveTicket').map((c) => attributeOf(c, 'TicketNumber')!),
    ]),
    warnings,
  };
}

export interface CancellationView {
  /** OTA_CancelRS/@Status: Pending for a quote, Cancelled once committed. */
  status?: string;
  reservationReference?: string;
  /** CancelInfoRS/UniqueID: the quote's reference, or the cancellation number once committed. */
  reference?: string;
  charge?: Money;
  refund?: Money;
  /** Until when the charge holds (the charge rule's CancelByDate). */
  chargeValidUntil?: string;
  warnings: SupplierWarning[];
}

export function readCancel(body: XmlNode, operation: string): CancellationView {
  const response = body.OTA_CancelRS as XmlNode | undefined;
  if (!response) throw badResponse(operation, 'no OTA_CancelRS in the answer');
  const warnings = checkOtaStatus(response, operation);
  const info = childOf(response, 'CancelInfoRS');
  const rules = childrenOf(pathOf(info, 'CancelRules'), 'CancelRule');
  const charge = rules.find((rule) => (attributeOf(rule, 'Type') ?? 'Charge') === 'Charge');
  const refund = rules.find((rule) => attributeOf(rule, 'Type') === 'Refund');
  return {
    status: attributeOf(response, 'Status'),
    reservationReference: attributeOf(childOf(response, 'UniqueID'), 'ID'),
    reference: attributeOf(childOf(info, 'UniqueID'), 'ID'),
    charge: moneyOf(charge),
    refund: moneyOf(refund),
    chargeValidUntil: attributeOf(charge, 'CancelByDate'),
    warnings,
  };
}
