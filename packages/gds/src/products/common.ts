import { z } from 'zod';
import type { Money } from '../money/money.ts';

export type Product = 'air' | 'hotel' | 'insurance';

/** How the platform reaches one supplier: from a supplier account, credentials decrypted. */
export interface SupplierConnection {
  supplierId: string;
  endpoint: string;
  credentials: Record<string, string>;
}

/** Per-call context: who the call is for (recorded), and how long it may take. */
export interface CallContext {
  tenantId?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** A supplier answered, but with something the traveller or the agency should know. */
export interface SupplierWarning {
  supplierId: string;
  code: string;
  message: string;
}

export interface SearchResult<Offer> {
  offers: Offer[];
  warnings: SupplierWarning[];
}

export const isoDate = z.iso.date();

/** A held or confirmed reservation at a supplier. */
export interface SupplierBooking {
  supplierId: string;
  /** The supplier's record locator / confirmation number. */
  supplierReference: string;
  status: 'held' | 'confirmed' | 'cancelled';
  total: Money;
  /** When an unconfirmed hold lapses at the supplier (ISO 8601 with offset). */
  holdExpiresAt?: string;
  /** Ticket numbers, voucher or policy numbers once confirmed. */
  documents: string[];
}

/** What cancelling would cost, valid until `expiresAt`; committing it needs `quoteRef`. */
export interface CancellationQuote {
  supplierId: string;
  supplierReference: string;
  quoteRef: string;
  penalty: Money;
  refund: Money;
  expiresAt?: string;
}

export interface CancellationResult {
  supplierId: string;
  supplierReference: string;
  status: 'cancelled';
  penalty: Money;
  refund: Money;
  cancellationReference?: string;
}
