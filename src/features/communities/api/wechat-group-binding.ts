import type { CommunityView } from '@/domain/contract/communities';
import type { GroupTicketInput } from '@/domain/contract/joining';
import { request } from '@/lib/request';

function bindingUrl(communityId: string): string {
  return `/api/communities/${encodeURIComponent(communityId)}/wechat-group`;
}

/** Binds the community to the WeChat group the app was opened from (owner and admins). */
export function bindWechatGroup(communityId: string, ticket: GroupTicketInput): Promise<CommunityView> {
  return request<CommunityView>(bindingUrl(communityId), { method: 'PUT', body: ticket });
}

export function unbindWechatGroup(communityId: string): Promise<CommunityView> {
  return request<CommunityView>(bindingUrl(communityId), { method: 'DELETE', body: {} });
}
