import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { sessionEditorPath, sessionPath } from '@/domain/page-paths';
import { isTeamRole } from '@/domain/roles';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { NoCommunityChoice } from '@/features/communities/components/no-community-choice';
import { useCurrentCommunity } from '@/features/communities/hooks/use-current-community';
import { useSessions } from '@/features/sessions/api/get-sessions';
import { SessionList } from '@/features/sessions/components/session-list';

function SessionsContent() {
  const current = useCurrentCommunity();
  const community = current.status === 'ready' ? current.community : null;
  const [tag, setTag] = useState<string | null>(null);
  const sessions = useSessions(community?.id ?? null, tag);
  // The chips come from the unfiltered list, so choosing one tag keeps the others on screen.
  const knownTags = useRef<string[]>([]);
  if (!tag && sessions.data) knownTags.current = [...new Set(sessions.data.items.flatMap((s) => s.tags))];

  useDidShow(() => {
    if (sessions.data) sessions.reload();
  });
  usePullDownRefresh(async () => {
    await sessions.reload();
    Taro.stopPullDownRefresh();
  });

  if (current.status === 'loading') return <SkeletonCard />;
  if (current.status === 'error') return <LoadError error={current.error} onRetry={current.reload} />;
  if (current.status === 'no-community') return <NoCommunityChoice />;
  const canSchedule = isTeamRole(current.community.myRole);
  const schedule = () => Taro.navigateTo({ url: sessionEditorPath() });

  return (
    <>
      {canSchedule && (
        <View className="button-row">
          <ActionButton variant="mini" className="session-schedule" onClick={schedule}>
            安排活动
          </ActionButton>
        </View>
      )}
      <SessionList
        sessions={sessions.data?.items}
        error={sessions.error}
        onRetry={sessions.reload}
        tags={knownTags.current}
        tag={tag}
        onTagChange={setTag}
        canSchedule={canSchedule}
        onSchedule={schedule}
        onOpen={(id) => Taro.navigateTo({ url: sessionPath(id) })}
      />
    </>
  );
}

export default function SessionsPage() {
  return (
    <View className="page sessions-page">
      <SignInGate>
        <SessionsContent />
      </SignInGate>
    </View>
  );
}
