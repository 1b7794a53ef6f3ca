// The supplier layer's surface: platform types, adapters by product, aggregation, accounts.
export { SupplierError, isSupplierError, type SupplierErrorCode } from './errors.ts';
export * from './money/money.ts';
export * from './products/common.ts';
export * from './products/air.ts';
export * from './products/hotel.ts';
export * from './products/insurance.ts';
export { AIR_ADAPTERS, HOTEL_ADAPTERS, INSURANCE_ADAPTERS } from './suppliers/registry.ts';
export { upsertSupplierAccount, supplierConnectionsFor, listSupplierAccounts, PLATFORM_SCOPE, type SupplierAccountInput } from './accounts/supplier-accounts.ts';
export { flushSupplierCalls, type SupplierCallRecord } from './transport/call-log.ts';
