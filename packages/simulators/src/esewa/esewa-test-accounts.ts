/**
 * The wallet accounts eSewa publishes for its UAT environment (developer.esewa.com.np/try), which
 * the local eSewa accepts and nothing else: eSewa IDs 9806800001 to 9806800005, one password, and
 * at the confirmation step either the OTP token or the MPIN.
 */
export const ESEWA_TEST_IDS = ['9806800001', '9806800002', '9806800003', '9806800004', '9806800005'] as const;
export const ESEWA_TEST_PASSWORD = 'Nepal@123';
export const ESEWA_TEST_MPIN = '1122';
export const ESEWA_TEST_OTP = '123456';

/** One traveller's test credentials, ready for a test that walks the pages. */
export const ESEWA_TEST_TRAVELLER = {
  esewaId: ESEWA_TEST_IDS[0],
  password: ESEWA_TEST_PASSWORD,
  otp: ESEWA_TEST_OTP,
} as const;

export function isTestWalletSignIn(esewaId: string | undefined, password: string | undefined): boolean {
  return (ESEWA_TEST_IDS as readonly string[]).includes(esewaId ?? '') && password === ESEWA_TEST_PASSWORD;
}

export function isTestWalletCode(code: string | undefined): boolean {
  return code === ESEWA_TEST_OTP || code === ESEWA_TEST_MPIN;
}
