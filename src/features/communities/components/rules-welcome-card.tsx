import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import type { CommunityView } from '@/domain/contract/communities';
import { showErrorToast } from '@/lib/show-error-toast';
import { confirmRules } from '../api/confirm-rules';
import { refreshMe } from '../api/get-me';
import './joining.scss';

/** A newcomer's first 首页: why we are here and how we behave, confirmed once before the rest. */
export function RulesWelcomeCard({ community }: { community: CommunityView }) {
  const [confirming, setConfirming] = useState(false);

  async function confirm() {
    if (confirming) return;
    setConfirming(true);
    try {
      await confirmRules(community.id);
      // My membership now says confirmed, and 首页 shows the community as usual.
      await refreshMe();
    } catch (error) {
      showErrorToast(error);
      setConfirming(false);
    }
  }

  return (
    <View className="card rules-welcome">
      <Text className="title">{`欢迎加入「${community.name}」`}</Text>
      <Text className="label">社群目标</Text>
      <Text className="community-goal">{community.goal}</Text>
      <Text className="label">群规</Text>
      <Text className="community-rules">{community.rules}</Text>
      <View className="rules-welcome__button">
        <ActionButton variant="primary" loading={confirming} disabled={confirming} onClick={confirm}>
          我已阅读，遵守群规
        </ActionButton>
      </View>
    </View>
  );
}
