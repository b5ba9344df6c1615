import type { CommunityView, GroupTicketInput } from '@/domain/api-types';
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
