import type { EsewaFaults } from './esewa-faults.ts';
import type { EsewaTransactions } from './esewa-transactions.ts';

/** What every handler of one local eSewa shares: its transactions, its merchants' secrets, its faults. */
export interface EsewaContext {
  transactions: EsewaTransactions;
  faults: EsewaFaults;
  secretOf: (productCode: string) => string | undefined;
  productCodes: () => string[];
}
