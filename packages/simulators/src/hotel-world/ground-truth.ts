import { WORLD_PROPERTIES, type WorldCityCode } from './properties.ts';

/**
 * Which supplier codes are the same real hotel: the answer key for measuring how well aggregated
 * search deduplicates (precision and recall over pairs of listings). Suppliers not listing a
 * property have no entry in `listings`.
 */
export interface HotelGroundTruthEntry {
  propertyId: string;
  name: string;
  cityCode: WorldCityCode;
  latitude: number;
  longitude: number;
  /** supplierId -> that supplier's code for this property. */
  listings: Readonly<Record<string, string>>;
}

export const HOTEL_GROUND_TRUTH: readonly HotelGroundTruthEntry[] = WORLD_PROPERTIES.map((property) => ({
  propertyId: property.id,
  name: property.staylink?.name ?? property.roomrack?.name ?? property.id,
  cityCode: property.cityCode,
  latitude: property.latitude,
  longitude: property.longitude,
  listings: Object.fromEntries(
    (['staylink', 'roomrack'] as const).flatMap((supplierId) => {
      const listing = property[supplierId];
      return listing ? [[supplierId, listing.code]] : [];
    }),
  ),
}));

/** The real property behind one supplier's code, if the world has it. */
export function groundTruthPropertyOf(supplierId: string, supplierHotelCode: string): string | undefined {
  return HOTEL_GROUND_TRUTH.find((entry) => entry.listings[supplierId] === supplierHotelCode)?.propertyId;
}
