import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { FormReason, useTouched } from '@/components/form-reason';
import { useSubmit } from '@/lib/use-submit';
import { createCommunity } from '../api/create-community';
import { communityDraftProblem, communityInputFrom, emptyCommunityDraft } from '../community-draft';
import { enterCommunity } from '../enter-community';
import { CommunityFields } from './community-fields';

export function CreateCommunityForm() {
  const [draft, setDraft] = useState(emptyCommunityDraft);
  const { busy: submitting, run } = useSubmit();
  const problem = communityDraftProblem(draft);
  const touched = useTouched([draft]);

  function submit() {
    if (problem) return;
    run(async () => {
      const community = await createCommunity(communityInputFrom(draft));
      Taro.showToast({ title: '社群已创建', icon: 'success' });
      await enterCommunity(community.id);
    });
  }

  return (
    <View className="card form create-community-form">
      <Text className="hint">你将成为这个社群的群主</Text>
      <CommunityFields draft={draft} onChange={setDraft} />
      <FormReason problem={problem} touched={touched} needs="填好社群名称、目标和群规，就可以创建了" />
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
