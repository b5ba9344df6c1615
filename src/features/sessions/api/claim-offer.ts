import type { SignUpResult } from '@/domain/contract/sessions';
import { api } from '@/lib/request';

export function claimOffer(sessionId: string): Promise<SignUpResult> {
  return api.post<SignUpResult>(`/api/sessions/${encodeURIComponent(sessionId)}/signups/me/claim`);
}
