import type { SubscribeTemplateKey } from '@/domain/notices';
import { api } from '@/lib/request';

export function recordSubscriptions(
  accepted: SubscribeTemplateKey[],
): Promise<{ consents: Record<string, number> }> {
  return api.post<{ consents: Record<string, number> }>('/api/me/subscriptions', { accepted });
}
