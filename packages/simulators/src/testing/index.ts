// Measurements made against the simulators, for the benchmarks (bench/gds) as well as this package's tests.
export {
  measureHotelDedupQuality,
  HOTEL_GROUND_TRUTH_CITIES,
  type HotelDedupQuality,
  type HotelDedupQualityOptions,
} from './hotel-dedup-quality.ts';
