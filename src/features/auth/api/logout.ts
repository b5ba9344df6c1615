import { api } from '@/lib/request';

/** Ends the session on the server, so the token stops working even if it was copied. */
export async function logout(): Promise<void> {
  await api.post('/api/auth/logout');
}
