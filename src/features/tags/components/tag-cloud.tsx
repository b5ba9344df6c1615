import { Text, View } from '@tarojs/components';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import type { TagCount } from '@/domain/contract/tags';
import type { useTagCloud } from '../api/get-tag-cloud';
import '@/components/tag-chips.scss';
import './tags.scss';

/** Five sizes from the rarest to the most held tag, so the shape of the community shows at a glance. */
export function tagSizeLevel(count: number, max: number): number {
  if (max <= 1) return 1;
  return 1 + Math.round((4 * (count - 1)) / (max - 1));
}

export function TagCloud({
  cloud,
  onOpenTag,
}: {
  cloud: ReturnType<typeof useTagCloud>;
  onOpenTag: (tag: string) => void;
}) {
  if (cloud.error) return <LoadError error={cloud.error} onRetry={cloud.reload} />;
  if (!cloud.data) return <SkeletonCard lines={2} />;
  if (cloud.data.length === 0) {
    return (
      <View className="card empty-state">
        <Text className="hint">群里还没有人加标签。去「我的」编辑资料，加上你的兴趣吧。</Text>
      </View>
    );
  }
  const max = Math.max(...cloud.data.map((item: TagCount) => item.count));
  return (
    <View className="card tag-cloud">
      {cloud.data.map((item) => (
        <View
          key={item.tag}
          className={`tag-cloud__item tag-cloud__item--${tagSizeLevel(item.count, max)}`}
          onClick={() => onOpenTag(item.tag)}
        >
          <Text>#{item.tag}</Text>
          <Text className="tag-cloud__count">{item.count}</Text>
        </View>
      ))}
    </View>
  );
}
