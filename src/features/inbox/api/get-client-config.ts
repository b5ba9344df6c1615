import type { ClientConfigView } from '@/domain/contract/notifications';
import { api } from '@/lib/request';

export function getClientConfig(): Promise<ClientConfigView> {
  return api.get<ClientConfigView>('/api/config/client');
}
