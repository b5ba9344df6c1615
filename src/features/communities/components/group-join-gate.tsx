import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type ReactNode, useEffect, useState } from 'react';
import { SkeletonCard } from '@/components/skeleton-card';
import { pagePaths } from '@/domain/page-paths';
import { isApiError } from '@/lib/api-error';
import { showErrorToast } from '@/lib/show-error-toast';
import { refreshMe } from '../api/get-me';
import { joinByGroup } from '../api/join-by-group';
import { enterCommunity } from '../enter-community';
import { openedFromGroupChat, sendGroupTicket } from '../wechat-group';

type GateState = 'trying' | 'fallback';

/**
 * Opened from a share card inside a WeChat group: being in the community's bound group is proof
 * enough, so try that first. An unbound group (or any other failure) falls back to the forms.
 */
export function GroupJoinGate({
  communityId,
  inviterId,
  children,
}: {
  communityId?: string;
  inviterId?: string;
  children: ReactNode;
}) {
  const [fromGroup] = useState(openedFromGroupChat);
  const [state, setState] = useState<GateState>(fromGroup ? 'trying' : 'fallback');

  useEffect(() => {
    if (!fromGroup) return;
    let cancelled = false;
    joinWithGroupTicket(inviterId, communityId).then((entered) => {
      if (!cancelled && !entered) setState('fallback');
    });
    return () => {
      cancelled = true;
    };
  }, [fromGroup, inviterId, communityId]);

  if (state === 'fallback') return <>{children}</>;
  return (
    <View className="group-join-trying">
      <View className="card">
        <Text className="hint">正在确认你所在的微信群…</Text>
      </View>
      <SkeletonCard lines={3} />
    </View>
  );
}

/** True when I ended up in the community (joined now, or already a member) and was taken to 首页. */
async function joinWithGroupTicket(
  inviterId: string | undefined,
  communityId: string | undefined,
): Promise<boolean> {
  let joinedId = communityId;
  try {
    const result = await sendGroupTicket((ticket) => joinByGroup(ticket, inviterId));
    // A bound group's member is always let in; were it ever queued, the forms show the request.
    if (result.outcome !== 'joined') return false;
    joinedId = result.community.id;
    Taro.showToast({ title: '已加入社群', icon: 'success' });
  } catch (error) {
    if (!isApiError(error) || error.code !== 'ALREADY_MEMBER') {
      // GROUP_NOT_BOUND is the everyday case (the group was never bound): the forms say what to do next.
      if (!isApiError(error) || error.code !== 'GROUP_NOT_BOUND') showErrorToast(error);
      return false;
    }
  }
  try {
    if (joinedId) {
      await enterCommunity(joinedId);
    } else {
      await refreshMe();
      await Taro.switchTab({ url: pagePaths.home });
    }
    return true;
  } catch (error) {
    showErrorToast(error);
    return false;
  }
}
