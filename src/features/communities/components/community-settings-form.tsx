import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { FormReason, useTouched } from '@/components/form-reason';
import type { CommunityView } from '@/domain/contract/communities';
import { useSubmit } from '@/lib/use-submit';
import { refreshMe } from '../api/get-me';
import { updateCommunity } from '../api/update-community';
import { type CommunityDraft, communityDraftProblem, communityInputFrom } from '../community-draft';
import { CommunityFields } from './community-fields';

function draftFrom(community: CommunityView): CommunityDraft {
  return {
    name: community.name,
    goal: community.goal,
    rules: community.rules,
    capacity: String(community.capacity),
  };
}

export function CommunitySettingsForm({
  community,
  onSaved,
}: {
  community: CommunityView;
  onSaved: (community: CommunityView) => void;
}) {
  const [draft, setDraft] = useState(() => draftFrom(community));
  const { busy: saving, run } = useSubmit();
  const problem = communityDraftProblem(draft);
  const touched = useTouched([draft]);

  function save() {
    if (problem) return;
    run(async () => {
      const saved = await updateCommunity(community.id, communityInputFrom(draft));
      // The name also appears in my community list.
      await refreshMe();
      Taro.showToast({ title: '已保存', icon: 'success' });
      onSaved(saved);
    });
  }

  return (
    <View className="card form community-settings-form">
      <CommunityFields draft={draft} onChange={setDraft} />
      <FormReason problem={problem} touched={touched} needs="填好社群名称和目标，就可以保存了" />
      <ActionButton variant="primary" disabled={!!problem || saving} loading={saving} onClick={save}>
        保存
      </ActionButton>
    </View>
  );
}
