// The supplier layer's surface, for @himal/core (and, for product contracts and money, the apps):
// product contracts and their rules, money and FX, searching and repricing across a tenant's
// suppliers, supplier accounts. Adapters, transport and aggregation internals stay inside; the
// simulators' tests reach them through @himal/gds/xml and @himal/gds/suppliers/<id>.
export { SupplierError, isSupplierError, type SupplierErrorCode } from './errors.ts';
export * from './money/money.ts';
export * from './products/common.ts';
export * from './products/air.ts';
export * from './products/hotel.ts';
export * from './products/insurance.ts';
export {
  upsertSupplierAccount,
  listSupplierAccounts,
  PLATFORM_SCOPE,
  type SupplierAccountInput,
} from './accounts/supplier-accounts.ts';
export { flushSupplierCalls } from './transport/call-log.ts';
export * from './aggregation/index.ts';
export { FxTable, FxRateMissingError, type FxSnapshot } from './fx/fx-table.ts';
export { loadFxTable } from './fx/load-fx-table.ts';
export { recordFxRates } from './fx/record-fx-rates.ts';
export { seedFxRates, seedFxRateRows } from './fx/seed-fx-rates.ts';
export { AIRPORTS, cityOf, isKnownAirportOrCity, type City } from './reference/airports.ts';
