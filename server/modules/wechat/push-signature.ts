import { createHash, timingSafeEqual } from 'node:crypto';

/** WeChat's message-push signature: sha1 of the token, timestamp and nonce, sorted and joined. */
export function pushSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

/** Whether a push (or the GET handshake) was signed with our token; no token configured: never. */
export function isSignedPush(token: string | undefined, query: unknown): boolean {
  if (!token || typeof query !== 'object' || query === null) return false;
  const { signature, timestamp, nonce } = query as Record<string, unknown>;
  if (typeof signature !== 'string' || typeof timestamp !== 'string' || typeof nonce !== 'string')
    return false;
  const expected = Buffer.from(pushSignature(token, timestamp, nonce));
  const given = Buffer.from(signature.toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
