import { buildXml } from '../../xml/safe-xml.ts';
import { guestCounts, payloadAttributes, pointOfSale } from './ota-request.ts';

/**
 * OTA_HotelAvailRQ for a search (a city or a point and radius) or for rechecking one offer (a
 * hotel code, room type and rate plan). One RoomStayCandidate per room, so each room's guests count.
 */
export interface AvailRequest {
  requestorId?: string;
  cityCode?: string;
  near?: { latitude: number; longitude: number; radiusKm: number };
  hotelCode?: string;
  roomTypeCode?: string;
  ratePlanCode?: string;
  checkIn: string;
  checkOut: string;
  rooms: Array<{ adults: number; childAges: number[] }>;
}

export function buildAvailRQ(request: AvailRequest, now?: Date): string {
  const hotelRef = request.hotelCode
    ? { '@_HotelCode': request.hotelCode }
    : request.cityCode
      ? { '@_HotelCityCode': request.cityCode }
      : undefined;
  return buildXml({
    OTA_HotelAvailRQ: {
      ...payloadAttributes(now),
      '@_AvailRatesOnly': 'true',
      ...pointOfSale(request.requestorId),
      AvailRequestSegments: {
        AvailRequestSegment: {
          '@_AvailReqType': 'Room',
          HotelSearchCriteria: {
            Criterion: {
              ...(request.near
                ? { Position: { '@_Latitude': String(request.near.latitude), '@_Longitude': String(request.near.longitude) } }
                : {}),
              ...(hotelRef ? { HotelRef: hotelRef } : {}),
              // Distance is an integer in OpenTravel: the radius goes in metres to keep it exact.
              ...(request.near
                ? { Radius: { '@_Distance': String(Math.round(request.near.radiusKm * 1000)), '@_DistanceMeasure': 'Meters' } }
                : {}),
              StayDateRange: { '@_Start': request.checkIn, '@_End': request.checkOut },
              ...(request.ratePlanCode
                ? { RatePlanCandidates: { RatePlanCandidate: { '@_RatePlanCode': request.ratePlanCode } } }
                : {}),
              RoomStayCandidates: {
                RoomStayCandidate: request.rooms.map((room) => ({
                  '@_Quantity': '1',
                  ...(request.roomTypeCode ? { '@_RoomTypeCode': request.roomTypeCode } : {}),
                  GuestCounts: guestCounts(room),
                })),
              },
            },
          },
        },
      },
    },
  });
}
