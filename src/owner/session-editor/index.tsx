import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceCell } from '@/components/choice-cell';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import type { SessionInput, WantedTopicView } from '@/domain/contract/sessions';
import { messageFor } from '@/domain/error-codes';
import { sessionPath } from '@/domain/page-paths';
import { isTeamRole } from '@/domain/roles';
import { localTimeOfDay } from '@/domain/session-series';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { useMembers } from '@/features/communities/api/get-members';
import { useCurrentCommunity } from '@/features/communities/hooks/use-current-community';
import { useSession } from '@/features/sessions/api/get-session';
import {
  createSeries,
  createSession,
  updateFollowing,
  updateSession,
} from '@/features/sessions/api/save-session';
import { type SeriesChoice, SessionForm } from '@/features/sessions/components/session-form';
import { WantedTopics } from '@/features/sessions/components/wanted-topics';
import { draftOf, emptyDraft } from '@/features/sessions/session-draft';
import { useLoginSession } from '@/lib/login-session';
import { showErrorToast } from '@/lib/show-error-toast';

function SessionEditor({ sessionId }: { sessionId: string | undefined }) {
  const current = useCurrentCommunity();
  const myUserId = useLoginSession((state) => state.user?.id);
  const community = current.status === 'ready' ? current.community : null;
  const members = useMembers(community?.id ?? null);
  const existing = useSession(sessionId ?? null);
  const [topic, setTopic] = useState<WantedTopicView>();
  const [scope, setScope] = useState<'one' | 'following'>('one');

  if (current.status === 'error') return <LoadError error={current.error} onRetry={current.reload} />;
  if (existing.error) return <LoadError error={existing.error} onRetry={existing.reload} />;
  if (!community || !myUserId || !members.data || (sessionId && !existing.data))
    return <SkeletonCard lines={6} />;
  if (!(existing.data?.canManage ?? isTeamRole(community.myRole))) {
    return (
      <View className="card">
        <Text className="hint">{messageFor('FORBIDDEN')}</Text>
      </View>
    );
  }

  async function save(input: SessionInput, series: SeriesChoice | null) {
    try {
      if (existing.data && scope === 'following') {
        const { title, description, startsAt, durationMinutes, capacity } = input;
        await updateFollowing(existing.data.id, {
          title,
          description,
          timeOfDay: localTimeOfDay(new Date(startsAt)),
          durationMinutes,
          capacity,
        });
        Taro.showToast({ title: '此次及以后都已保存，报名的成员会收到变更通知', icon: 'none' });
        Taro.navigateBack();
      } else if (existing.data) {
        await updateSession(existing.data.id, input);
        Taro.showToast({ title: '已保存，报名的成员会收到变更通知', icon: 'none' });
        Taro.navigateBack();
      } else if (series) {
        const created = await createSeries(community!.id, input, series);
        Taro.showToast({ title: `已发布 ${created.sessions.length} 次活动`, icon: 'success' });
        Taro.redirectTo({ url: sessionPath(created.sessions[0]!.id) });
      } else {
        const created = await createSession(community!.id, input);
        Taro.showToast({ title: '活动已发布', icon: 'success' });
        Taro.redirectTo({ url: sessionPath(created.id) });
      }
    } catch (error) {
      showErrorToast(error);
    }
  }

  const initial = existing.data ? draftOf(existing.data) : emptyDraft(myUserId);
  return (
    <>
      {!existing.data && <WantedTopics communityId={community.id} onPick={setTopic} />}
      {existing.data?.series && (
        <View className="card form edit-scope">
          <ChoiceCell
            label={`重复活动：${existing.data.series.text}`}
            options={
              [
                ['one', '只改这一次'],
                ['following', '此次及以后'],
              ] as const
            }
            value={scope}
            onChange={setScope}
            hint={
              scope === 'following'
                ? '此次及以后会改标题、介绍、每次的开始时刻、时长和名额，日期不变。'
                : undefined
            }
          />
        </View>
      )}
      <SessionForm
        // A picked topic starts the form again from its title and tags.
        key={topic?.tipId ?? 'blank'}
        initial={
          topic ? { ...initial, title: topic.title.slice(0, 40), tags: topic.tags.join(' ') } : initial
        }
        members={members.data}
        submitLabel={existing.data ? '保存修改' : '发布活动'}
        repeatable={!existing.data}
        onSubmit={save}
      />
    </>
  );
}

export default function SessionEditorPage() {
  const { params } = useRouter();
  return (
    <View className="page session-editor">
      <SignInGate>
        <SessionEditor sessionId={params.id} />
      </SignInGate>
    </View>
  );
}
