// The supplier layer's surface: platform types, adapters by product, aggregation, accounts.
export { SupplierError, isSupplierError, type SupplierErrorCode } from './errors.ts';
export * from './money/money.ts';
export * from './products/common.ts';
export * from './products/air.ts';
export * from './products/hotel.ts';
export * from './products/insurance.ts';
export { AIR_ADAPTERS, HOTEL_ADAPTERS, INSURANCE_ADAPTERS } from './suppliers/registry.ts';
export {
  upsertSupplierAccount,
  supplierConnectionsFor,
  listSupplierAccounts,
  PLATFORM_SCOPE,
  type SupplierAccountInput,
} from './accounts/supplier-accounts.ts';
export { flushSupplierCalls, type SupplierCallRecord } from './transport/call-log.ts';
export * from './aggregation/index.ts';
export { FxTable, FxRateMissingError, type FxRateRow, type FxSnapshot } from './fx/fx-table.ts';
export { loadFxTable } from './fx/load-fx-table.ts';
export { recordFxRates } from './fx/record-fx-rates.ts';
export { seedFxRates, seedFxRateRows, SEED_RATES_PER_USD } from './fx/seed-fx-rates.ts';
export { AIRPORTS, CITIES, cityOf, isKnownAirportOrCity, type Airport, type City } from './reference/airports.ts';
