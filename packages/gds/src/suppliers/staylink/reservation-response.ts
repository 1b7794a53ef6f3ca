import { decimalToMinor, type Money } from '../../money/money.ts';
import type { XmlNode } from '../../xml/safe-xml.ts';
import { attributeOf, childOf, childrenOf, pathOf } from '../../xml/xml-navigation.ts';

/**
 * The reservations in an OTA_HotelResRS (the answer to Initiate, Commit and Read), read as far as
 * the message states them: the published samples leave out totals and currencies, so everything
 * but an id is optional here and the adapter decides what it cannot do without.
 */
export const RES_RESPONSE_ARRAYS = [
  'HotelReservation',
  'RoomStay',
  'HotelReservationID',
  'UniqueID',
  'ResGuest',
  'Warning',
  'Error',
  'CancelPenalty',
];

export interface ReservationRead {
  /** The reservation's id at staylink (UniqueID Type 14, or HotelReservationID ResID_Type 14 / the first one). */
  reference: string;
  status: 'held' | 'confirmed' | 'cancelled' | 'unknown';
  total?: Money;
  holdExpiresAt?: string;
  /** The hotel's own confirmation numbers (HotelReservationID ResID_Type 10). */
  confirmationNumbers: string[];
  hotelCode?: string;
}

const STATUS: Record<string, ReservationRead['status']> = {
  Requested: 'held',
  Initiate: 'held',
  Pending: 'held',
  OnHold: 'held',
  Reserved: 'confirmed',
  Book: 'confirmed',
  Commit: 'confirmed',
  Committed: 'confirmed',
  Cancelled: 'cancelled',
  Cancel: 'cancelled',
};

function totalOf(node: XmlNode | undefined): Money | undefined {
  const amount = attributeOf(node, 'AmountAfterTax') ?? attributeOf(node, 'AmountBeforeTax');
  const currency = attributeOf(node, 'CurrencyCode');
  if (!amount || !currency) return undefined;
  return { amountMinor: decimalToMinor(amount, currency, { round: true }), currency };
}

export function readHotelReservations(root: XmlNode): ReservationRead[] {
  const responseType = attributeOf(root, 'ResResponseType');
  return childrenOf(childOf(root, 'HotelReservations'), 'HotelReservation').flatMap((reservation) => {
    const global = childOf(reservation, 'ResGlobalInfo');
    const ids = childrenOf(childOf(global, 'HotelReservationIDs'), 'HotelReservationID');
    const reference =
      childrenOf(reservation, 'UniqueID')
        .map((id) => attributeOf(id, 'ID'))
        .find(Boolean) ??
      attributeOf(
        ids.find((id) => attributeOf(id, 'ResID_Type') === '14'),
        'ResID_Value',
      ) ??
      attributeOf(ids[0], 'ResID_Value');
    if (!reference) return [];
    const roomStay = childOf(childOf(reservation, 'RoomStays'), 'RoomStay');
    return [
      {
        reference,
        status: STATUS[attributeOf(reservation, 'ResStatus') ?? responseType ?? ''] ?? 'unknown',
        total: totalOf(childOf(global, 'Total')) ?? totalOf(childOf(roomStay, 'Total')),
        holdExpiresAt: attributeOf(pathOf(global, 'Guarantee', 'Deadline'), 'AbsoluteDeadline'),
        confirmationNumbers: ids
          .filter((id) => attributeOf(id, 'ResID_Type') === '10')
          .flatMap((id) => attributeOf(id, 'ResID_Value') ?? []),
        hotelCode: attributeOf(childOf(roomStay, 'BasicPropertyInfo'), 'HotelCode'),
      },
    ];
  });
}
