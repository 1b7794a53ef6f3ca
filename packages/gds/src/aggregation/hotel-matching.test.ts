import { describe, expect, it } from 'vitest';
import type { HotelProperty } from '../products/hotel.ts';
import { compareListings, distanceKm, groupSameProperties } from './hotel-matching.ts';
import { nameSimilarity, nameTokens } from './hotel-name.ts';

const hotel = (name: string, latitude?: number, longitude?: number, cityCode = 'KTM'): HotelProperty => ({
  supplierHotelCode: name,
  name,
  cityCode,
  latitude,
  longitude,
});

describe('hotel names', () => {
  it('keep only distinctive tokens, whatever the spelling', () => {
    expect(nameTokens('Hotel Yak & Yeti')).toEqual(['yak', 'yeti']);
    expect(nameTokens('THE YAK AND YETI HOTEL')).toEqual(['yak', 'yeti']);
    expect(nameTokens("Dwarika's Hotel Kathmandu", { placeWords: ['Kathmandu'] })).toEqual(['dwarikas']);
    expect(nameTokens('Landmark Hotel Pokhra', { placeWords: ['Pokhara'] })).toEqual(['landmark']);
    expect(nameTokens('Kathmandu Guest House', { placeWords: ['Kathmandu'] })).toEqual(['kathmandu']);
    expect(nameTokens('Kathmandu Guesthouse by KGH', { placeWords: ['Kathmandu'] })).toEqual(['kathmandu']);
    expect(nameTokens('Mt. Kailash Resort')).toEqual(['mount', 'kailash']);
    expect(nameTokens('Hôtel Shanker')).toEqual(['shanker']);
    expect(nameTokens('Ktm Intl Inn')).toEqual(['kathmandu', 'international']);
  });

  it('score word order, typos and run-together names as the same name', () => {
    expect(nameSimilarity(nameTokens('Hotel Yak & Yeti'), nameTokens('Yak and Yeti'))).toBe(1);
    expect(nameSimilarity(nameTokens('Shangri-La Hotel'), nameTokens('Shangrila'))).toBe(1);
    expect(nameSimilarity(nameTokens('Annapurna Hotel'), nameTokens('Anapurna'))).toBe(1);
    expect(nameSimilarity(nameTokens('Hyatt Regency'), nameTokens('Hyatt Regancy'))).toBe(1);
    expect(nameSimilarity(nameTokens('Tiger Tops Tharu Lodge'), nameTokens('Tigertops Tharu Lodge'))).toBe(1);
    expect(nameSimilarity(nameTokens('Buddha Maya Garden Hotel'), nameTokens('Hotel Buddhamaya Garden'))).toBe(1);
    expect(nameSimilarity(nameTokens('Meghauli Serai, A Taj Safari'), nameTokens('Taj Meghauli Serai'))).toBeGreaterThan(0.9);
  });

  it('score different hotels low even when they share a word', () => {
    expect(nameSimilarity(nameTokens('Thamel Eco Resort'), nameTokens('Thamel Grand Hotel'))).toBeLessThan(0.6);
    expect(nameSimilarity(nameTokens('Hotel Mums Home'), nameTokens('Hotel Moonlight'))).toBe(0);
    expect(nameSimilarity(nameTokens('Hotel Mandala Thamel'), nameTokens('Mandala Boutique Hotel'))).toBeLessThan(0.6);
    expect(nameSimilarity(nameTokens('Kasara Jungle Resort'), nameTokens('Barahi Jungle Lodge'))).toBeLessThan(0.6);
  });
});

describe('matching listings of one property', () => {
  it('measures distance on the sphere', () => {
    // Tribhuvan airport to Durbar Square, about 5.5 km.
    expect(distanceKm({ latitude: 27.6966, longitude: 85.3591 }, { latitude: 27.7045, longitude: 85.3077 })).toBeCloseTo(5.15, 1);
  });

  it('matches the same name a few hundred metres apart', () => {
    const result = compareListings(hotel('Hotel Yak & Yeti', 27.7115, 85.3186), hotel('Yak and Yeti', 27.7128, 85.3201));
    expect(result.distanceKm).toBeLessThan(0.25);
    expect(result.score).toBeGreaterThan(0.8);
  });

  it('matches a similar name only when it is close', () => {
    const a = hotel('Hotel Himalaya Kathmandu', 27.6735, 85.3208);
    expect(compareListings(a, hotel('Himalaya Hotel & Spa Lalitpur', 27.6742, 85.3211)).score).toBeGreaterThan(0);
    expect(compareListings(a, hotel('Himalaya Hotel & Spa Lalitpur', 27.6935, 85.3208)).score).toBe(0);
  });

  it('never matches across cities, nor the same name far apart', () => {
    expect(
      compareListings(hotel('Hotel Barahi', 28.2096, 83.9586, 'PKR'), hotel('Hotel Barahi', 28.2096, 83.9586, 'KTM')).score,
    ).toBe(0);
    expect(compareListings(hotel('Hotel Holy Himalaya', 27.715, 85.31), hotel('Hotel Holy Himalaya', 27.74, 85.31)).score).toBe(
      0,
    );
  });

  it('without coordinates, matches only a near-identical name in the same city', () => {
    expect(compareListings(hotel('Kathmandu Guest House'), hotel('KATHMANDU GUESTHOUSE')).score).toBeGreaterThan(0);
    expect(compareListings(hotel('Hotel Tibet'), hotel('Hotel Tibet International')).score).toBe(0);
  });

  it('treats an airport code as its city', () => {
    expect(
      compareListings(hotel('Hotel Barahi', 28.2096, 83.9586, 'PHH'), hotel('Barahi', 28.2099, 83.9589, 'PKR')).score,
    ).toBeGreaterThan(0);
  });
});

describe('grouping listings across suppliers', () => {
  const listing = (supplierId: string, name: string, latitude: number, longitude: number) => ({
    supplierId,
    hotel: { ...hotel(name, latitude, longitude), supplierHotelCode: `${supplierId}-${name}` },
  });

  it('groups one listing per supplier and leaves the rest alone', () => {
    const groups = groupSameProperties([
      listing('staylink', 'Hotel Yak & Yeti', 27.7115, 85.3186),
      listing('staylink', 'Hotel Shanker', 27.7165, 85.3192),
      listing('roomrack', 'Yak and Yeti Hotel', 27.7121, 85.319),
      listing('roomrack', 'Shanker Hotel', 27.7162, 85.3195),
      listing('roomrack', 'Hotel Moonlight', 27.7164, 85.3105),
    ]);
    const names = groups.map((group) => group.map((l) => `${l.supplierId}:${l.hotel.name}`));
    expect(names).toEqual([
      ['staylink:Hotel Yak & Yeti', 'roomrack:Yak and Yeti Hotel'],
      ['staylink:Hotel Shanker', 'roomrack:Shanker Hotel'],
      ['roomrack:Hotel Moonlight'],
    ]);
  });

  it('never puts two listings of one supplier in a group; the closer counterpart wins', () => {
    const groups = groupSameProperties([
      listing('staylink', 'Hotel Himalaya', 27.6735, 85.3208),
      listing('roomrack', 'Himalaya Hotel', 27.6736, 85.3209),
      listing('roomrack', 'Hotel Himalaya', 27.679, 85.3208),
    ]);
    expect(groups.map((group) => group.length).sort()).toEqual([1, 2]);
    const pair = groups.find((group) => group.length === 2)!;
    expect(pair.map((l) => l.hotel.name)).toEqual(['Hotel Himalaya', 'Himalaya Hotel']);
  });
});
