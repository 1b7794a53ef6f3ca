import { attributeOf, childrenOf } from '@himal/gds/xml';
import { toNepalIso } from '../hotel-world/stay-dates.ts';
import { usd } from './hotel-avail.ts';
import { STAYLINK_CURRENCY } from './staylink-catalog.ts';
import { failureIssue } from './hotel-res.ts';
import { ERR, EWT, OtaRequestError, otaSuccess } from './ota-replies.ts';
import type { OtaRequest, StaylinkState } from './staylink-state.ts';

/**
 * OTA_CancelRQ in two phases, as OpenTravel defines it. CancelType="Quote" (or "Initiate") answers
 * what cancelling costs now (CancelRule Charge and Refund, valid until the Charge rule's
 * CancelByDate) with a quote id (UniqueID Type 16, ID_Context CancelQuote); CancelType="Commit" with
 * the reservation and that quote id (or none: the latest quote) cancels at the quoted penalty and
 * frees the rooms; CancelType="Cancel" does both at once at today's penalty.
 */
export const CANCEL_REQUEST_ARRAYS = ['UniqueID'];
export const CANCEL_QUOTE_CONTEXT = 'CancelQuote';

export function answerCancel(request: OtaRequest, state: StaylinkState): string {
  const ids = childrenOf(request.message, 'UniqueID');
  const reference = ids.find((id) => attributeOf(id, 'Type') === '14' || attributeOf(id, 'ID_Context') !== CANCEL_QUOTE_CONTEXT);
  const referenceId = attributeOf(reference, 'ID');
  if (!referenceId)
    throw new OtaRequestError({
      type: EWT.requiredFieldMissing,
      code: ERR.requiredFieldMissing,
      shortText: 'UniqueID of the reservation is required',
    });
  const reservationId = { '@_Type': '14', '@_ID': referenceId, '@_ID_Context': 'staylink' };
  const cancelType = attributeOf(request.message, 'CancelType');

  if (cancelType === 'Quote' || cancelType === 'Initiate') {
    const quoted = state.ledger.quoteCancellation(referenceId, request.now);
    if (!quoted.ok) throw failureIssue(quoted.failure, referenceId);
    const quote = quoted.value;
    return otaSuccess(
      'OTA_CancelRS',
      request,
      {
        UniqueID: reservationId,
        CancelInfoRS: {
          CancelRules: {
            CancelRule: [
              {
                '@_Type': 'Charge',
                '@_CancelByDate': toNepalIso(quote.validUntil),
                '@_Amount': usd(quote.penaltyMinor),
                '@_CurrencyCode': STAYLINK_CURRENCY,
              },
              { '@_Type': 'Refund', '@_Amount': usd(quote.refundMinor), '@_CurrencyCode': STAYLINK_CURRENCY },
            ],
          },
          UniqueID: { '@_Type': '16', '@_ID': quote.id, '@_ID_Context': CANCEL_QUOTE_CONTEXT },
        },
      },
      { '@_Status': 'Unchanged' },
    );
  }

  if (cancelType === 'Commit' || cancelType === 'Cancel') {
    let quoteId: string | undefined;
    if (cancelType === 'Cancel') {
      const quoted = state.ledger.quoteCancellation(referenceId, request.now);
      if (!quoted.ok) throw failureIssue(quoted.failure, referenceId);
      quoteId = quoted.value.id;
    } else
      quoteId =
        attributeOf(
          ids.find((id) => attributeOf(id, 'ID_Context') === CANCEL_QUOTE_CONTEXT),
          'ID',
        ) ?? state.ledger.latestQuoteId(referenceId);
    if (!quoteId)
      throw new OtaRequestError({
        type: EWT.bizRule,
        code: ERR.unableToProcess,
        shortText: 'Nothing to commit: quote or initiate the cancellation first',
      });
    const cancelled = state.ledger.cancel(referenceId, quoteId, request.now);
    if (!cancelled.ok) throw failureIssue(cancelled.failure, referenceId);
    const { cancellation } = cancelled.value;
    if (!cancellation) throw new Error(`cancelled reservation ${referenceId} without its cancellation`);
    return otaSuccess(
      'OTA_CancelRS',
      request,
      {
        UniqueID: reservationId,
        CancelInfoRS: {
          CancelRules: {
            CancelRule: [
              { '@_Type': 'Charge', '@_Amount': usd(cancellation.penaltyMinor), '@_CurrencyCode': cancelled.value.currency },
              { '@_Type': 'Refund', '@_Amount': usd(cancellation.refundMinor), '@_CurrencyCode': cancelled.value.currency },
            ],
          },
          UniqueID: { '@_Type': '15', '@_ID': cancellation.number, '@_ID_Context': 'staylink' },
        },
      },
      { '@_Status': 'Cancelled' },
    );
  }

  throw new OtaRequestError({
    type: EWT.bizRule,
    code: ERR.unableToProcess,
    shortText: `CancelType ${cancelType ?? '(none)'} is not supported: use Quote (or Initiate) then Commit, or Cancel`,
  });
}
