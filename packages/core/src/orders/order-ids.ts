import { isRandomId, randomId } from '../ids/random-id.ts';

/** Ids of the booking engine's records: 128 random bits behind a prefix naming the kind. */
export const newOrderId = () => randomId('ord');
export const newItemId = () => randomId('itm');
/** A hyphen, not an underscore: the payment id is eSewa's transaction_uuid, which allows letters, digits and hyphens only. */
export const newPaymentId = () => randomId('pay').replace('_', '-');
export const newRefundId = () => randomId('ref');
export const newCancellationId = () => randomId('ocq');

export const isOrderId = (id: string) => isRandomId(id, 'ord');
export const isCancellationId = (id: string) => isRandomId(id, 'ocq');
