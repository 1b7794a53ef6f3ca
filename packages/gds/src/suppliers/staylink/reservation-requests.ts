import { minorToDecimal, type Money } from '../../money/money.ts';
import type { HotelBookingRequest } from '../../products/hotel.ts';
import { buildXml } from '../../xml/safe-xml.ts';
import type { StaylinkOfferRef } from './offer-ref.ts';
import { guestCounts, payloadAttributes, pointOfSale } from './ota-request.ts';

/**
 * OTA_HotelResRQ in its two phases and OTA_ReadRQ. Initiate states the total the traveller was
 * shown (ResGlobalInfo/Total), so staylink refuses rather than holds at another price; one RoomStay
 * per room carries that room's guests.
 */
export const HOLD_DURATION = 'PT20M';

export function buildInitiateRQ(
  ref: StaylinkOfferRef,
  booking: HotelBookingRequest,
  expectedTotal: Money,
  requestorId?: string,
  now?: Date,
): string {
  const [lead, ...others] = booking.guests;
  const guest = (person: { givenName: string; familyName: string }, index: number, contact?: HotelBookingRequest['contact']) => ({
    '@_ResGuestRPH': String(index + 1),
    '@_PrimaryIndicator': index === 0 ? 'true' : 'false',
    Profiles: {
      ProfileInfo: {
        Profile: {
          '@_ProfileType': '1',
          Customer: {
            PersonName: { GivenName: person.givenName, Surname: person.familyName },
            ...(contact ? { Telephone: { '@_PhoneNumber': contact.phone }, Email: contact.email } : {}),
          },
        },
      },
    },
  });
  return buildXml({
    OTA_HotelResRQ: {
      ...payloadAttributes(now),
      '@_ResStatus': 'Initiate',
      '@_HoldDuration': HOLD_DURATION,
      ...pointOfSale(requestorId),
      HotelReservations: {
        HotelReservation: {
          RoomStays: {
            RoomStay: ref.rooms.map((room) => ({
              RoomTypes: { RoomType: { '@_RoomTypeCode': ref.roomTypeCode, '@_NumberOfUnits': '1' } },
              RatePlans: { RatePlan: { '@_RatePlanCode': ref.ratePlanCode } },
              GuestCounts: guestCounts(room),
              TimeSpan: { '@_Start': ref.checkIn, '@_End': ref.checkOut },
              BasicPropertyInfo: { '@_HotelCode': ref.hotelCode },
            })),
          },
          ResGuests: {
            ResGuest: [
              ...(lead ? [guest(lead, 0, booking.contact)] : []),
              ...others.map((person, index) => guest(person, index + 1)),
            ],
          },
          ResGlobalInfo: {
            Total: {
              '@_AmountAfterTax': minorToDecimal(expectedTotal.amountMinor, expectedTotal.currency),
              '@_CurrencyCode': expectedTotal.currency,
            },
          },
        },
      },
    },
  });
}

export function buildCommitRQ(supplierReference: string, requestorId?: string, now?: Date): string {
  return buildXml({
    OTA_HotelResRQ: {
      ...payloadAttributes(now),
      '@_ResStatus': 'Commit',
      ...pointOfSale(requestorId),
      UniqueID: { '@_Type': '14', '@_ID': supplierReference },
    },
  });
}

export function buildReadRQ(supplierReference: string, requestorId?: string, now?: Date): string {
  return buildXml({
    OTA_ReadRQ: {
      ...payloadAttributes(now),
      ...pointOfSale(requestorId),
      ReadRequests: { ReadRequest: { UniqueID: { '@_Type': '14', '@_ID': supplierReference } } },
    },
  });
}
