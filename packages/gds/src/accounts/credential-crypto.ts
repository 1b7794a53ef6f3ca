import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Supplier credentials are encrypted at rest with AES-256-GCM under SUPPLIER_CREDENTIALS_KEY
 * (32 bytes, base64). Outside production a fixed development key is used so `npm start` works
 * out of the box; production refuses to run without a key.
 */
const DEVELOPMENT_KEY = createHash('sha256').update('himal-development-only-supplier-credentials').digest();

function key(): Buffer {
  const configured = process.env.SUPPLIER_CREDENTIALS_KEY;
  if (configured) {
    const decoded = Buffer.from(configured, 'base64');
    if (decoded.length !== 32) throw new Error('SUPPLIER_CREDENTIALS_KEY must be 32 bytes, base64-encoded');
    return decoded;
  }
  if (process.env.NODE_ENV === 'production' && !process.env.HIMAL_DEV_SECRET) {
    throw new Error('SUPPLIER_CREDENTIALS_KEY is not set');
  }
  return DEVELOPMENT_KEY;
}

/** `v1.<iv>.<tag>.<ciphertext>`, all base64url. */
export function encryptCredentials(credentials: Record<string, string>): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function decryptCredentials(sealed: string): Record<string, string> {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !ciphertext) throw new Error('not sealed supplier credentials');
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  return JSON.parse(plain) as Record<string, string>;
}
