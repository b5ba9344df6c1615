import type { AuthResult } from '@/domain/contract/auth';
import { api } from '@/lib/request';

/** Demo login by name (H5 only); the server creates the user on first use and refuses when dev login is off. */
export function loginWithDev(name: string): Promise<AuthResult> {
  return api.post<AuthResult>('/api/auth/dev', { name });
}
