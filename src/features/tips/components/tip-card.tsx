import { Text, View } from '@tarojs/components';
import type { TipCardView } from '@/domain/contract/tips';
import { tipStatusLabels } from '@/domain/tip-labels';
import { formatRelative } from '@/lib/china-time';
import '../tips.scss';

/** `.tip-card`'s fixed height (290rpx) plus the `.card` margin below it (24rpx): see tips.scss. */
export const tipCardRowRpx = 314;

/** A feed card: title, first line, minutes, tags, tried count. */
export function TipCard({ tip, onOpen }: { tip: TipCardView; onOpen: (tipId: string) => void }) {
  const firstLine = tip.body.split('\n')[0];
  const when = tip.publishedAt ?? tip.publishAt;
  return (
    <View className="card tip-card" onClick={() => onOpen(tip.id)}>
      <View className="tip-card__head">
        <Text className="tip-card__title">{tip.title}</Text>
        {tip.status !== 'published' && <Text className="tip-status">{tipStatusLabels[tip.status]}</Text>}
      </View>
      <Text className="tip-card__body">{firstLine}</Text>
      <View className="tip-card__tags">
        {tip.tags.map((tag) => (
          <Text key={tag} className="tip-tag">
            #{tag}
          </Text>
        ))}
      </View>
      <View className="tip-card__meta">
        <Text className="tip-minutes">{`${tip.minutes}分钟`}</Text>
        <Text className="tip-tried-count">{`${tip.tryCount}人试过`}</Text>
        <Text className="tip-author">
          {tip.suggested ? `${tip.author.nickname} 投稿` : tip.author.nickname}
        </Text>
        {when && <Text className="tip-time">{formatRelative(when)}</Text>}
      </View>
    </View>
  );
}
