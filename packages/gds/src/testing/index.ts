// Pieces shared by the package's tests and the benchmarks (bench/gds): measurements, not product code.
export {
  measureHotelDedupQuality,
  HOTEL_GROUND_TRUTH_CITIES,
  type HotelDedupQuality,
  type HotelDedupQualityOptions,
} from './hotel-dedup-quality.ts';
export {
  mapSkywaysLowFareSearch,
  parseSkywaysAnswer,
  readSkywaysLowFareSearch,
  skywaysLowFareSearchEnvelope,
  SKYWAYS_LOW_FARE_SEARCH_ACTION,
} from './skyways-low-fare.ts';
export { DEFAULT_MAX_XML_BYTES } from '../xml/safe-xml.ts';
export { assertWellFormed } from '../xml/well-formed.ts';
export { readXmlTree } from '../xml/xml-tree.ts';
export { OPENTRAVEL_DIR, openTravelAvailable } from './opentravel-schemas.ts';
