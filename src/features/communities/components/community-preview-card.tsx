import { Text, View } from '@tarojs/components';
import type { CommunityPreviewView } from '@/domain/contract/joining';
import './joining.scss';

/** What a newcomer reads before asking to join: who invited them, the goal, the rules and the size. */
export function CommunityPreviewCard({ preview }: { preview: CommunityPreviewView }) {
  return (
    <View className="card community-preview">
      {preview.inviter && (
        <Text className="community-preview__inviter">{`${preview.inviter.nickname} 邀请你加入`}</Text>
      )}
      <Text className="community-name">{preview.name}</Text>
      <Text className="label">社群目标</Text>
      <Text className="community-goal">{preview.goal}</Text>
      <Text className="label">群规</Text>
      <Text className="community-preview__rules">{preview.rules}</Text>
      <Text className="label">成员</Text>
      <Text className="member-count">{`${preview.memberCount}/${preview.capacity}人`}</Text>
    </View>
  );
}
