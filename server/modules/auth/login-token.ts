import { createHash, randomBytes } from 'node:crypto';

export function newLoginToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this hash is stored: the raw token exists in the client and in transit, nowhere else. */
export function hashLoginToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
