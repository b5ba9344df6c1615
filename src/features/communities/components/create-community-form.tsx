import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { showErrorToast } from '@/lib/show-error-toast';
import { createCommunity } from '../api/create-community';
import { communityDraftProblem, communityInputFrom, emptyCommunityDraft } from '../community-draft';
import { enterCommunity } from '../enter-community';
import { CommunityFields } from './community-fields';

export function CreateCommunityForm() {
  const [draft, setDraft] = useState(emptyCommunityDraft);
  const [submitting, setSubmitting] = useState(false);
  const problem = communityDraftProblem(draft);

  async function submit() {
    if (problem || submitting) return;
    setSubmitting(true);
    try {
      const community = await createCommunity(communityInputFrom(draft));
      Taro.showToast({ title: '社群已创建', icon: 'success' });
      await enterCommunity(community.id);
    } catch (error) {
      showErrorToast(error);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <View className="card form create-community-form">
      <Text className="hint">你将成为这个社群的群主</Text>
      <CommunityFields draft={draft} onChange={setDraft} />
      {problem && draft !== emptyCommunityDraft && <Text className="form__problem">{problem}</Text>}
      <ActionButton
        variant="primary"
        disabled={!!problem || submitting}
        loading={submitting}
        onClick={submit}
      >
        创建社群
      </ActionButton>
    </View>
  );
}
