import { Text, View } from '@tarojs/components';
import type { WantedTopicView } from '@/domain/contract/sessions';
import { useWantedTopics } from '../api/tip-want';

/** 大家想听: the tips members most want a session on; tapping one starts the form from it. */
export function WantedTopics({
  communityId,
  onPick,
}: {
  communityId: string;
  onPick: (topic: WantedTopicView) => void;
}) {
  const topics = useWantedTopics(communityId);
  if (!topics.data || topics.data.length === 0) return null;
  return (
    <View className="card wanted-topics">
      <Text className="label">大家想听（点一下用作活动标题）</Text>
      {topics.data.map((topic) => (
        <View key={topic.tipId} className="wanted-topic" onClick={() => onPick(topic)}>
          <Text className="wanted-topic__title">{topic.title}</Text>
          <Text className="hint wanted-topic__count">{`${topic.wantCount} 人想听`}</Text>
        </View>
      ))}
    </View>
  );
}
