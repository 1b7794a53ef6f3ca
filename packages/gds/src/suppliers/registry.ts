import type { AirSupplierAdapter } from '../products/air.ts';
import type { HotelSupplierAdapter } from '../products/hotel.ts';
import type { InsuranceSupplierAdapter } from '../products/insurance.ts';
import { roomrackAdapter } from './roomrack/roomrack-adapter.ts';
import { himalayanGdsAdapter } from './himalayan-gds/himalayan-gds-adapter.ts';
import { safetripAdapter } from './safetrip/safetrip-adapter.ts';
import { skywaysAdapter } from './skyways/skyways-adapter.ts';
import { staylinkAdapter } from './staylink/staylink-adapter.ts';

/**
 * Every supplier adapter, by product. Adding a supplier means writing its adapter and adding one
 * line here; nothing else changes.
 */
export const AIR_ADAPTERS: Record<string, AirSupplierAdapter> = { skyways: skywaysAdapter, 'himalayan-gds': himalayanGdsAdapter };
export const HOTEL_ADAPTERS: Record<string, HotelSupplierAdapter> = { staylink: staylinkAdapter, roomrack: roomrackAdapter };
export const INSURANCE_ADAPTERS: Record<string, InsuranceSupplierAdapter> = { safetrip: safetripAdapter };
