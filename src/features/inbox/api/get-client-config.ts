import type { ClientConfigView } from '@/domain/api-types';
import { api } from '@/lib/request';

export function getClientConfig(): Promise<ClientConfigView> {
  return api.get<ClientConfigView>('/api/config/client');
}
