import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { joinLimits, textLength } from '@/domain/community-rules';
import type { MyJoinRequestView } from '@/domain/contract/joining';
import { messageFor } from '@/domain/error-codes';
import { showErrorToast } from '@/lib/show-error-toast';
import { useSubmit } from '@/lib/use-submit';
import { useCommunityPreview } from '../api/get-community-preview';
import { requestToJoin } from '../api/request-to-join';
import { enterCommunity } from '../enter-community';
import { CommunityPreviewCard } from './community-preview-card';
import { JoinNoteField } from './join-note-field';
import { JoinRequestedCard } from './join-requested-card';

/** A member's share card without an invite code: read about the community, then ask the team. */
export function JoinRequestPanel({ communityId, inviterId }: { communityId: string; inviterId?: string }) {
  const preview = useCommunityPreview(communityId, inviterId);
  const [note, setNote] = useState('');
  const { busy: submitting, run } = useSubmit();
  // What I did on this page wins over the preview loaded before it (undefined: nothing yet).
  const [myRequest, setMyRequest] = useState<MyJoinRequestView | null>();

  if (preview.error) return <LoadError error={preview.error} onRetry={preview.reload} />;
  if (!preview.data) return <SkeletonCard lines={5} />;
  const community = preview.data;
  const pending = myRequest === undefined ? community.myPendingRequest : myRequest;
  const full = community.memberCount >= community.capacity;
  const noteTooLong = textLength(note.trim()) > joinLimits.noteMax;

  function submit() {
    if (noteTooLong) return;
    run(async () => setMyRequest(await requestToJoin(communityId, { inviterId, note: note.trim() })));
  }

  function withdrawn() {
    setMyRequest(null);
    preview.reload();
  }

  async function enter() {
    try {
      await enterCommunity(community.id);
    } catch (error) {
      showErrorToast(error);
    }
  }

  if (community.alreadyMember) {
    return (
      <>
        <CommunityPreviewCard preview={community} />
        <View className="card already-member">
          <Text className="hint">你已经是这个社群的成员</Text>
          <ActionButton variant="primary" onClick={enter}>
            进入社群
          </ActionButton>
        </View>
      </>
    );
  }

  return (
    <>
      <CommunityPreviewCard preview={community} />
      {pending ? (
        <JoinRequestedCard request={pending} onWithdrawn={withdrawn} />
      ) : (
        <View className="card form join-request-form">
          <JoinNoteField value={note} onChange={setNote} />
          {full && <Text className="form__problem">{messageFor('COMMUNITY_FULL')}</Text>}
          <ActionButton
            variant="primary"
            className="request-to-join"
            disabled={full || noteTooLong || submitting}
            loading={submitting}
            onClick={submit}
          >
            申请加入
          </ActionButton>
        </View>
      )}
    </>
  );
}
