import { z } from 'zod';
import { AuthError } from './errors.ts';
import { generatePassword, hashPassword } from './passwords.ts';

const adminPasswordSchema = z.string().min(10, 'a password has at least 10 characters').max(200).optional();

export interface FirstAdminPassword {
  password: string;
  /** What createTenant stores; the password itself never reaches the database. */
  passwordHash: string;
  /** No password was chosen: this one was made up and is shown once. */
  generated: boolean;
}

/**
 * The password of a new agency's first admin: the one the operator chose, or a generated one when
 * none was, with its hash for createTenant. The error names the input `adminPassword`, as
 * createTenant's errors name theirs.
 */
export async function firstAdminPassword(chosen: string | undefined): Promise<FirstAdminPassword> {
  const parsed = adminPasswordSchema.safeParse(chosen);
  if (!parsed.success) throw new AuthError('INVALID_INPUT', `adminPassword: ${parsed.error.issues[0]!.message}`);
  const password = parsed.data ?? generatePassword();
  return { password, passwordHash: await hashPassword(password), generated: parsed.data === undefined };
}
