import { z } from 'zod';
import { decimalToMinor, multiplyMoney, type Money } from '../../money/money.ts';
import type { HotelOffer, HotelProperty } from '../../products/hotel.ts';
import { buildXml, textOf, type XmlNode } from '../../xml/safe-xml.ts';
import { attributeOf, childOf, childrenOf, childText } from '../../xml/xml-navigation.ts';
import { encodeOfferRef } from './offer-ref.ts';
import { ROOMRACK_NS } from './roomrack-outcome.ts';
import { taxesPerRoomNight, type StatedTax } from './roomrack-taxes.ts';
import { ROOMRACK_SUPPLIER_ID } from './supplier-id.ts';

/**
 * PropertySearch and RateCheck requests, and their answers as offers. roomrack prices one room for
 * one night, taxes apart; an offer covers every room asked for, so its per-night price and taxes
 * are roomrack's times the rooms.
 */
export const SEARCH_RESPONSE_ARRAYS = ['Property', 'Rate', 'Tax', 'Notice', 'Error'];

export interface SearchStay {
  checkIn: string;
  checkOut: string;
  rooms: Array<{ adults: number; childAges: number[] }>;
}

function roomsNode(rooms: SearchStay['rooms']): XmlNode {
  return {
    Room: rooms.map((room) => ({
      '@_adults': String(room.adults),
      ...(room.childAges.length ? { ChildAge: room.childAges.map(String) } : {}),
    })),
  };
}

export function buildPropertySearchRequest(
  stay: SearchStay,
  where: { cityCode?: string; near?: { latitude: number; longitude: number; radiusKm: number } },
): string {
  const destination = where.near
    ? {
        '@_lat': String(where.near.latitude),
        '@_lng': String(where.near.longitude),
        '@_radiusKm': String(where.near.radiusKm),
        ...(where.cityCode ? { '@_city': where.cityCode } : {}),
      }
    : { '@_city': where.cityCode };
  return buildXml({
    PropertySearchRequest: {
      '@_xmlns': ROOMRACK_NS,
      Stay: { '@_checkIn': stay.checkIn, '@_checkOut': stay.checkOut },
      Destination: destination,
      Rooms: roomsNode(stay.rooms),
    },
  });
}

export function buildRateCheckRequest(rateKey: string): string {
  return buildXml({ RateCheckRequest: { '@_xmlns': ROOMRACK_NS, Rate: { '@_rateKey': rateKey } } });
}

const BOARDS: Record<string, string> = { RO: 'room_only', BB: 'breakfast', HB: 'half_board', FB: 'full_board' };
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);

const rateSchema = z.object({
  rateKey: z.string().min(1),
  roomCode: z.string().min(1),
  roomName: z.string().min(1),
  ratePlan: z.string().min(1),
  board: z.enum(['RO', 'BB', 'HB', 'FB']),
  rooms: z.coerce.number().int().positive(),
  available: z.coerce.number().int().nonnegative(),
  perNight: decimal,
  refundable: z.enum(['true', 'false', '1', '0']),
  freeUntil: z.string().optional(),
  taxes: z.array(
    z.object({
      code: z.string().min(1),
      percent: decimal.optional(),
      amount: decimal.optional(),
      onTopOf: z.string().optional(),
    }),
  ),
});

function readProperty(property: XmlNode): HotelProperty {
  const geo = childOf(property, 'Geo');
  const latitude = Number(attributeOf(geo, 'lat'));
  const longitude = Number(attributeOf(geo, 'lng'));
  const stars = Number(attributeOf(property, 'stars'));
  return {
    supplierHotelCode: attributeOf(property, 'code') ?? '',
    name: childText(property, 'Name') ?? '',
    address: childText(property, 'Address'),
    cityCode: attributeOf(childOf(property, 'City'), 'code'),
    latitude: Number.isFinite(latitude) ? latitude : undefined,
    longitude: Number.isFinite(longitude) ? longitude : undefined,
    starRating: Number.isFinite(stars) && stars > 0 ? stars : undefined,
  };
}

function readRate(
  rate: XmlNode,
  currency: string,
): { fields: z.infer<typeof rateSchema>; perRoomNight: Money; taxesPerRoomNight: Money } {
  const policy = childOf(rate, 'CancelPolicy');
  const fields = rateSchema.parse({
    rateKey: attributeOf(rate, 'rateKey'),
    roomCode: attributeOf(rate, 'roomCode'),
    roomName: attributeOf(rate, 'roomName'),
    ratePlan: attributeOf(rate, 'ratePlan'),
    board: attributeOf(rate, 'board'),
    rooms: attributeOf(rate, 'rooms'),
    available: attributeOf(rate, 'available'),
    perNight: textOf(childOf(rate, 'PerNight'))?.trim(),
    refundable: attributeOf(policy, 'refundable'),
    freeUntil: attributeOf(policy, 'freeUntil'),
    taxes: childrenOf(childOf(rate, 'Taxes'), 'Tax').map((tax) => ({
      code: attributeOf(tax, 'code'),
      percent: attributeOf(tax, 'percent'),
      amount: attributeOf(tax, 'amount'),
      onTopOf: attributeOf(tax, 'onTopOf'),
    })),
  });
  const perRoomNight = { amountMinor: decimalToMinor(fields.perNight, currency), currency };
  const stated: StatedTax[] = fields.taxes.map((tax) => ({
    code: tax.code,
    percent: tax.percent,
    amountMinor: tax.amount === undefined ? undefined : decimalToMinor(tax.amount, currency),
    onTopOf: tax.onTopOf?.split(/\s+/).filter(Boolean) ?? [],
  }));
  return { fields, perRoomNight, taxesPerRoomNight: taxesPerRoomNight(perRoomNight, stated) };
}

function nightsBetween(checkIn: string, checkOut: string): number {
  return Math.round((Date.parse(`${checkOut}T00:00:00Z`) - Date.parse(`${checkIn}T00:00:00Z`)) / 86_400_000);
}

/** Offers from a PropertySearchResponse or RateCheckResponse (throws on a rate it cannot read). */
export function mapProperties(root: XmlNode, stay: Pick<SearchStay, 'checkIn' | 'checkOut'>): HotelOffer[] {
  const currency = attributeOf(root, 'currency');
  if (!currency || !/^[A-Z]{3}$/.test(currency)) throw new Error('the answer states no currency');
  return childrenOf(childOf(root, 'Properties'), 'Property').flatMap((node) => {
    const hotel = readProperty(node);
    return childrenOf(childOf(node, 'Rates'), 'Rate').map((rateNode): HotelOffer => {
      const { fields, perRoomNight, taxesPerRoomNight: taxes } = readRate(rateNode, currency);
      return {
        supplierId: ROOMRACK_SUPPLIER_ID,
        supplierOfferRef: encodeOfferRef({
          rateKey: fields.rateKey,
          propertyCode: hotel.supplierHotelCode,
          roomCode: fields.roomCode,
          ratePlan: fields.ratePlan,
        }),
        hotel,
        room: {
          name: fields.roomName,
          board: BOARDS[fields.board],
          refundable: fields.refundable === 'true' || fields.refundable === '1',
          cancellationDeadline: fields.freeUntil,
        },
        checkIn: stay.checkIn,
        checkOut: stay.checkOut,
        nights: nightsBetween(stay.checkIn, stay.checkOut),
        price: {
          amount: multiplyMoney(perRoomNight, fields.rooms),
          basis: 'per_night',
          taxesIncluded: false,
          taxes: multiplyMoney(taxes, fields.rooms),
        },
        roomsRemaining: fields.available,
      };
    });
  });
}
