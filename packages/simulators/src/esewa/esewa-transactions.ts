import { randomBytes } from 'node:crypto';

/**
 * What the local eSewa remembers: one transaction per product code and transaction_uuid (what
 * the status API is asked about), the refunds made through the local refund channel, and the
 * traveller's sign-in sessions between the form post and the confirmation. Everything is bounded
 * (the oldest transaction and the oldest session go first), so a test run or a long `npm start`
 * cannot grow the process without end.
 */
export const ESEWA_STATUSES = [
  'COMPLETE',
  'PENDING',
  'FULL_REFUND',
  'PARTIAL_REFUND',
  'AMBIGUOUS',
  'NOT_FOUND',
  'CANCELED',
] as const;
export type EsewaStatus = (typeof ESEWA_STATUSES)[number];

export const MAX_TRANSACTIONS = 10_000;
export const MAX_REFUNDS_PER_TRANSACTION = 100;
const MAX_SESSIONS = 1_000;
const SESSION_TTL_MS = 15 * 60_000;
/** Wrong passwords or codes a session takes before it is closed, as a wallet locks a guesser out. */
export const MAX_SIGN_IN_ATTEMPTS = 5;

export interface EsewaRefund {
  refundUuid: string;
  refundCode: string;
  amountPaisa: number;
  /** The answer first given, replayed as is for the same refund_uuid. */
  answer: Record<string, unknown>;
}

export interface EsewaTransaction {
  productCode: string;
  transactionUuid: string;
  amountPaisa: number;
  taxPaisa: number;
  serviceChargePaisa: number;
  deliveryChargePaisa: number;
  totalPaisa: number;
  successUrl: string;
  failureUrl: string;
  status: EsewaStatus;
  /** eSewa's code for the payment once taken (the callback's transaction_code, the status API's ref_id). */
  transactionCode?: string;
  refunds: EsewaRefund[];
  createdAt: string;
  updatedAt: string;
}

export interface TravellerSession {
  id: string;
  transactionKey: string;
  stage: 'sign-in' | 'confirm';
  esewaId?: string;
  failedAttempts: number;
  expiresAt: number;
}

export function transactionKey(productCode: string, transactionUuid: string): string {
  return `${productCode}\u0000${transactionUuid}`;
}

export class EsewaTransactions {
  private readonly transactions = new Map<string, EsewaTransaction>();
  private readonly sessions = new Map<string, TravellerSession>();
  private codeSequence = 0;

  get(productCode: string, transactionUuid: string): EsewaTransaction | undefined {
    return this.transactions.get(transactionKey(productCode, transactionUuid));
  }

  byKey(key: string): EsewaTransaction | undefined {
    return this.transactions.get(key);
  }

  /** Records a transaction, forgetting the oldest once MAX_TRANSACTIONS are kept. */
  put(transaction: EsewaTransaction): void {
    const key = transactionKey(transaction.productCode, transaction.transactionUuid);
    this.transactions.delete(key);
    this.transactions.set(key, transaction);
    while (this.transactions.size > MAX_TRANSACTIONS) {
      const oldest = this.transactions.keys().next().value as string;
      this.transactions.delete(oldest);
    }
  }

  setStatus(transaction: EsewaTransaction, status: EsewaStatus): void {
    transaction.status = status;
    if (status !== 'PENDING' && status !== 'NOT_FOUND' && status !== 'CANCELED' && !transaction.transactionCode)
      transaction.transactionCode = this.nextTransactionCode();
    transaction.updatedAt = new Date().toISOString();
  }

  /** eSewa's codes look like "000AWEO": seven characters, digits and capitals. Sequential, so runs are repeatable. */
  nextTransactionCode(): string {
    this.codeSequence += 1;
    return (0x1a2b3 + this.codeSequence).toString(36).toUpperCase().padStart(7, '0');
  }

  refundCode(): string {
    this.codeSequence += 1;
    return `R${(0x1a2b3 + this.codeSequence).toString(36).toUpperCase().padStart(6, '0')}`;
  }

  /** The refund made under `refundUuid` for this product code, on whichever transaction. */
  findRefund(productCode: string, refundUuid: string): { transaction: EsewaTransaction; refund: EsewaRefund } | undefined {
    for (const transaction of this.transactions.values()) {
      if (transaction.productCode !== productCode) continue;
      const refund = transaction.refunds.find((r) => r.refundUuid === refundUuid);
      if (refund) return { transaction, refund };
    }
    return undefined;
  }

  list(): EsewaTransaction[] {
    return [...this.transactions.values()];
  }

  openSession(transaction: EsewaTransaction): TravellerSession {
    this.dropExpiredSessions();
    const session: TravellerSession = {
      id: randomBytes(18).toString('base64url'),
      transactionKey: transactionKey(transaction.productCode, transaction.transactionUuid),
      stage: 'sign-in',
      failedAttempts: 0,
      expiresAt: Date.now() + SESSION_TTL_MS,
    };
    this.sessions.set(session.id, session);
    while (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value as string);
    return session;
  }

  session(id: string | undefined): TravellerSession | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (session.expiresAt < Date.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  closeSession(id: string): void {
    this.sessions.delete(id);
  }

  reset(): void {
    this.transactions.clear();
    this.sessions.clear();
    this.codeSequence = 0;
  }

  private dropExpiredSessions(): void {
    const now = Date.now();
    for (const [id, session] of this.sessions) if (session.expiresAt < now) this.sessions.delete(id);
  }
}
