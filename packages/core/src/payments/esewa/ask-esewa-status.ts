import { callEsewa, malformedAnswer, refusalOf } from './call-esewa.ts';
import { esewaAmount, readEsewaAmount } from './esewa-amounts.ts';
import type { EsewaProviderConfig } from './esewa-config.ts';
import { esewaStatusAnswerSchema, type EsewaStatusAnswer } from './esewa-signature.ts';

/**
 * eSewa's status check, GET statusUrl?product_code=&total_amount=&transaction_uuid=: the three
 * together name a payment (asked with another total, eSewa answers NOT_FOUND). The answer is read
 * with esewaStatusAnswerSchema and must be about exactly the payment and amount asked for.
 */
export async function askEsewaStatus(
  config: EsewaProviderConfig,
  transactionUuid: string,
  totalMinor: number,
): Promise<EsewaStatusAnswer> {
  const url = new URL(config.statusUrl);
  url.searchParams.set('product_code', config.productCode);
  url.searchParams.set('total_amount', esewaAmount(totalMinor));
  url.searchParams.set('transaction_uuid', transactionUuid);
  const answer = await callEsewa('status check', url.toString(), { method: 'GET', timeoutMs: config.timeoutMs });
  if (answer.status !== 200) throw refusalOf('status check', answer);
  const parsed = esewaStatusAnswerSchema.safeParse(answer.body);
  if (!parsed.success) throw malformedAnswer('status check', `unexpected answer (${parsed.error.issues[0]?.path.join('.')})`);
  const status = parsed.data;
  if (status.product_code !== config.productCode || status.transaction_uuid !== transactionUuid)
    throw malformedAnswer('status check', 'the answer is about another payment');
  if (readEsewaAmount(status.total_amount) !== totalMinor)
    throw malformedAnswer('status check', 'the answer is for another amount');
  return status;
}
