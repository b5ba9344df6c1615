import type { SignUpResult } from '@/domain/contract/sessions';
import { api } from '@/lib/request';

export function signUpForSession(sessionId: string, guests: number): Promise<SignUpResult> {
  return api.post<SignUpResult>(`/api/sessions/${encodeURIComponent(sessionId)}/signups`, { guests });
}
