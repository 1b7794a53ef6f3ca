import { readPlainAmount } from './esewa-amounts.ts';
import { sameSignature, signEsewaFields } from './sign-esewa-fields.ts';

/**
 * The merchant's payment form (POST /api/epay/main/v2/form), checked as eSewa checks it before it
 * shows the traveller anything: every field present, the product code one of its merchants, the
 * signature over the fields it names (at least total_amount, transaction_uuid and product_code)
 * made with that merchant's secret, the amounts plain NPR decimals whose parts add up to the total,
 * a transaction_uuid of letters, digits and hyphens, and return URLs it can send a browser to.
 */
export const FORM_FIELDS = [
  'amount',
  'tax_amount',
  'total_amount',
  'transaction_uuid',
  'product_code',
  'product_service_charge',
  'product_delivery_charge',
  'success_url',
  'failure_url',
  'signed_field_names',
  'signature',
] as const;

/** eSewa documents the characters (alphanumeric and hyphen); the length bound is this server's. */
export const TRANSACTION_UUID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;
const REQUIRED_SIGNED_FIELDS = ['total_amount', 'transaction_uuid', 'product_code'];
const MAX_URL_LENGTH = 2048;

export interface PaymentForm {
  productCode: string;
  transactionUuid: string;
  amountPaisa: number;
  taxPaisa: number;
  serviceChargePaisa: number;
  deliveryChargePaisa: number;
  totalPaisa: number;
  successUrl: string;
  failureUrl: string;
}

function isReturnUrl(text: string): boolean {
  if (text.length > MAX_URL_LENGTH) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function readPaymentForm(
  fields: Record<string, string>,
  secretOf: (productCode: string) => string | undefined,
): { form: PaymentForm } | { error: string } {
  for (const name of FORM_FIELDS) if (!fields[name]) return { error: `${name} is required` };
  const secret = secretOf(fields.product_code!);
  if (secret === undefined) return { error: 'Invalid product code' };
  const signedFieldNames = fields.signed_field_names!.split(',');
  for (const name of REQUIRED_SIGNED_FIELDS)
    if (!signedFieldNames.includes(name)) return { error: `signed_field_names must include ${name}` };
  if (!sameSignature(signEsewaFields(fields, signedFieldNames, secret), fields.signature))
    return { error: 'Invalid payload signature' };
  if (!TRANSACTION_UUID_PATTERN.test(fields.transaction_uuid!))
    return { error: 'transaction_uuid may hold only letters, digits and hyphens (at most 64)' };

  const amountPaisa = readPlainAmount(fields.amount);
  const taxPaisa = readPlainAmount(fields.tax_amount);
  const serviceChargePaisa = readPlainAmount(fields.product_service_charge);
  const deliveryChargePaisa = readPlainAmount(fields.product_delivery_charge);
  const totalPaisa = readPlainAmount(fields.total_amount);
  if (
    amountPaisa === undefined ||
    taxPaisa === undefined ||
    serviceChargePaisa === undefined ||
    deliveryChargePaisa === undefined ||
    totalPaisa === undefined
  )
    return { error: 'Amounts must be plain decimals of rupees with at most 2 decimals' };
  if (amountPaisa <= 0) return { error: 'amount must be more than zero' };
  if (amountPaisa + taxPaisa + serviceChargePaisa + deliveryChargePaisa !== totalPaisa)
    return { error: 'total_amount must equal amount + tax_amount + product_service_charge + product_delivery_charge' };
  if (!isReturnUrl(fields.success_url!) || !isReturnUrl(fields.failure_url!))
    return { error: 'success_url and failure_url must be absolute http(s) URLs' };

  return {
    form: {
      productCode: fields.product_code!,
      transactionUuid: fields.transaction_uuid!,
      amountPaisa,
      taxPaisa,
      serviceChargePaisa,
      deliveryChargePaisa,
      totalPaisa,
      successUrl: fields.success_url!,
      failureUrl: fields.failure_url!,
    },
  };
}
