import { Text, View } from '@tarojs/components';
import Taro, { useLoad, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import { useState } from 'react';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import type { TipDetailView } from '@/domain/contract/tips';
import { pagePaths, tagPath } from '@/domain/page-paths';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { useCommunity } from '@/features/communities/api/get-community';
import { type Invitation, invitationFrom, JoinPrompt } from '@/features/communities/components/join-prompt';
import { ReportButton } from '@/features/moderation/components/report-button';
import { WantSessionButton } from '@/features/sessions/components/want-session-button';
import { useTip } from '@/features/tips/api/get-tip';
import { useTipNotes } from '@/features/tips/api/get-tip-notes';
import { TipDetail } from '@/features/tips/components/tip-detail';
import { TipManageBar } from '@/features/tips/components/tip-manage-bar';
import { TipNotes } from '@/features/tips/components/tip-notes';
import { tipShareCard } from '@/features/tips/share-card';
import { isApiError } from '@/lib/api-error';
import { useLoginSession } from '@/lib/login-session';
import { enableShareTicket } from '@/lib/share-menu';

function TipContent({ tipId, invitation }: { tipId: string; invitation: Invitation }) {
  const myUserId = useLoginSession((state) => state.user?.id ?? null);
  const query = useTip(tipId);
  const notes = useTipNotes(tipId);
  const [changed, setChanged] = useState<TipDetailView>();
  // The answer of the last change (it carries the new counts) until the next full load.
  const tip = changed ?? query.data;
  const community = useCommunity(tip?.canManage ? tip.communityId : null);

  usePullDownRefresh(async () => {
    setChanged(undefined);
    await Promise.all([query.reload(), notes.reload()]);
    Taro.stopPullDownRefresh();
  });
  useShareAppMessage(() =>
    tip
      ? tipShareCard(tip, { inviteCode: community.data?.inviteCode ?? invitation.code ?? null, myUserId })
      : { title: '群友圈', path: pagePaths.home },
  );

  if (query.error) {
    if (isApiError(query.error) && query.error.code === 'NOT_A_MEMBER')
      return <JoinPrompt invitation={invitation} what="技巧" />;
    return <LoadError error={query.error} onRetry={query.reload} />;
  }
  if (!tip) return <SkeletonCard lines={5} />;
  const onChange = (next: TipDetailView) => {
    setChanged(next);
    notes.reload();
  };
  return (
    <>
      {tip.hidden && (
        <View className="card tip-hidden-notice">
          <Text className="hint">这条技巧被举报后已隐藏，只有作者和群主、管理员、秘书能看到。</Text>
        </View>
      )}
      <TipDetail tip={tip} onChange={onChange} onTagTap={(tag) => Taro.navigateTo({ url: tagPath(tag) })} />
      {tip.status === 'published' && <WantSessionButton tipId={tip.id} />}
      {tip.canManage && <TipManageBar tip={tip} onChange={onChange} />}
      {tip.status === 'published' && (
        <TipNotes
          notes={notes}
          noteAction={(note) =>
            note.user.id !== myUserId && (
              <ReportButton
                communityId={tip.communityId}
                target={{ targetKind: 'note', targetId: tip.id, authorId: note.user.id }}
              />
            )
          }
        />
      )}
      {tip.status === 'published' && tip.author.id !== myUserId && (
        <View className="report-row">
          <Text className="hint">内容有问题？</Text>
          <ReportButton
            communityId={tip.communityId}
            target={{ targetKind: 'tip', targetId: tip.id }}
            className="tip-report"
          />
        </View>
      )}
    </>
  );
}

export default function TipPage() {
  const { params } = useRouter();
  const tipId = params.id ?? '';
  const invitation = invitationFrom(params);
  useLoad(enableShareTicket);
  return (
    <View className="page">
      <SignInGate>
        <TipContent tipId={tipId} invitation={invitation} />
      </SignInGate>
    </View>
  );
}
