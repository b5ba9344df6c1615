import type { SignUpResult } from '@/domain/contract/sessions';
import { api } from '@/lib/request';

/** `minGuests`: the smaller spot I accept when seats are short (null: my whole party or nothing). */
export function signUpForSession(
  sessionId: string,
  guests: number,
  minGuests: number | null = null,
): Promise<SignUpResult> {
  return api.post<SignUpResult>(
    `/api/sessions/${encodeURIComponent(sessionId)}/signups`,
    minGuests === null ? { guests } : { guests, minGuests },
  );
}
