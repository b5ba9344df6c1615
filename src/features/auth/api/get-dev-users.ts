import type { DevUserView } from '@/domain/contract/auth';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getDevUsers(): Promise<DevUserView[]> {
  return api.get<DevUserView[]>('/api/auth/dev/users');
}

export function useDevUsers() {
  return useQuery('dev-users', getDevUsers);
}
