import type { XmlNode } from '@himal/gds/xml';
import type { Reservation } from '../hotel-world/reservation-ledger.ts';
import { toNepalIso } from '../hotel-world/stay-dates.ts';
import { basicPropertyInfo, usd } from './hotel-avail.ts';
import { STAYLINK_CURRENCY, staylinkHotel } from './staylink-catalog.ts';
import type { StaylinkBookingDetails } from './staylink-state.ts';

/**
 * A reservation as staylink writes it in OTA_HotelResRS (after Initiate, Commit or a Read):
 * HotelReservation/@ResStatus Requested (held), Reserved (confirmed) or Cancelled; the hold's time
 * limit as a guarantee deadline after which the reservation is auto-cancelled.
 */
export type StaylinkReservation = Reservation<StaylinkBookingDetails>;

/** The transaction status of the whole answer (OTA_HotelResRS/@ResResponseType). */
export function resResponseType(reservation: StaylinkReservation): string {
  return reservation.status === 'held' ? 'Pending' : reservation.status === 'confirmed' ? 'Committed' : 'Cancelled';
}

function resStatus(reservation: StaylinkReservation): string {
  return reservation.status === 'held' ? 'Requested' : reservation.status === 'confirmed' ? 'Reserved' : 'Cancelled';
}

function cancelPenalties(reservation: StaylinkReservation): XmlNode {
  const amount = { '@_Amount': usd(reservation.latePenaltyMinor), '@_CurrencyCode': STAYLINK_CURRENCY, '@_TaxInclusive': 'true' };
  if (!reservation.freeCancellationUntil)
    return { CancelPenalty: { '@_NonRefundable': 'true', AmountPercent: { ...amount, '@_Percent': '100' } } };
  return {
    CancelPenalty: {
      '@_NonRefundable': 'false',
      Deadline: { '@_AbsoluteDeadline': toNepalIso(reservation.freeCancellationUntil) },
      AmountPercent: { ...amount, '@_NmbrOfNights': '1' },
    },
  };
}

function reservationIds(reservation: StaylinkReservation): XmlNode[] {
  const ids: XmlNode[] = [{ '@_ResID_Type': '14', '@_ResID_Value': reservation.reference, '@_ResID_Source': 'staylink' }];
  if (reservation.confirmationNumber)
    ids.push({ '@_ResID_Type': '10', '@_ResID_Value': reservation.confirmationNumber, '@_ResID_Source': 'hotel' });
  if (reservation.cancellation) {
    ids.push({
      '@_ResID_Type': '15',
      '@_ResID_Value': reservation.cancellation.number,
      '@_ResID_Source': 'staylink',
      '@_CancelOriginatorCode': reservation.cancellation.lapsed ? 'HoldExpired' : 'Agency',
      '@_CancellationDate': reservation.cancellation.at.toISOString(),
    });
  }
  return ids;
}

export function hotelReservationNode(reservation: StaylinkReservation): XmlNode {
  const { details } = reservation;
  const hotel = staylinkHotel(details.hotelCode);
  const total = {
    '@_AmountBeforeTax': usd(details.totalBeforeTaxCents),
    '@_AmountAfterTax': usd(reservation.totalMinor),
    '@_CurrencyCode': reservation.currency,
  };
  return {
    '@_ResStatus': resStatus(reservation),
    '@_CreateDateTime': reservation.createdAt.toISOString(),
    UniqueID: { '@_Type': '14', '@_ID': reservation.reference, '@_ID_Context': 'staylink' },
    RoomStays: {
      RoomStay: {
        RoomTypes: { RoomType: { '@_RoomTypeCode': details.roomTypeCode, '@_NumberOfUnits': String(reservation.stay.rooms) } },
        RatePlans: {
          RatePlan: {
            '@_RatePlanCode': details.ratePlanCode,
            '@_RatePlanName': details.ratePlanName,
            CancelPenalties: cancelPenalties(reservation),
          },
        },
        GuestCounts: {
          GuestCount: { '@_AgeQualifyingCode': '10', '@_Count': String(details.guestCounts.reduce((a, b) => a + b, 0)) },
        },
        TimeSpan: { '@_Start': details.checkIn, '@_End': details.checkOut },
        Total: total,
        ...(hotel ? { BasicPropertyInfo: basicPropertyInfo(hotel) } : {}),
      },
    },
    ResGuests: {
      ResGuest: details.guests.map((guest, index) => ({
        '@_ResGuestRPH': String(index + 1),
        '@_PrimaryIndicator': index === 0 ? 'true' : 'false',
        Profiles: {
          ProfileInfo: {
            Profile: { '@_ProfileType': '1', Customer: { PersonName: { GivenName: guest.givenName, Surname: guest.surname } } },
          },
        },
      })),
    },
    ResGlobalInfo: {
      ...(reservation.status === 'held'
        ? {
            Guarantee: {
              '@_RetributionType': 'ResAutoCancelled',
              Deadline: { '@_AbsoluteDeadline': toNepalIso(reservation.holdExpiresAt) },
            },
          }
        : {}),
      CancelPenalties: cancelPenalties(reservation),
      Total: total,
      HotelReservationIDs: { HotelReservationID: reservationIds(reservation) },
    },
  };
}
