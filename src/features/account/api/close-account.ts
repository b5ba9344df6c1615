import { accountClosureConfirmation } from '@/domain/account';
import type { CloseAccountInput } from '@/domain/contract/account';
import { api } from '@/lib/request';

/** `POST /api/me/close-account`: the server ends everything of the account, or refuses an owner (409). */
export async function closeAccount(): Promise<void> {
  const body: CloseAccountInput = { confirm: accountClosureConfirmation };
  await api.post('/api/me/close-account', body);
}

/** The caller's own data file (`GET /api/me/data`), opened like the team's spreadsheets. */
export const myDataPath = '/api/me/data';
