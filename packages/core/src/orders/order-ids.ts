import { isRandomId, randomId } from '../ids/random-id.ts';

/** Ids of the booking engine's records: 128 random bits behind a prefix naming the kind. */
export const newOrderId = () => randomId('ord');
export const newItemId = () => randomId('itm');
export const newPaymentId = () => randomId('pay');
export const newRefundId = () => randomId('ref');
export const newCancellationId = () => randomId('ocq');

export const isOrderId = (id: string) => isRandomId(id, 'ord');
export const isCancellationId = (id: string) => isRandomId(id, 'ocq');
