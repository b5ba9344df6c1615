import { createHash, randomBytes } from 'node:crypto';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this hash is stored: the raw token exists in the client and in transit, nowhere else. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
