import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { tagPath } from '@/domain/page-paths';
import './tag-chips.scss';

/** A member's tags; each opens its tag page. */
export function TagChips({ tags, shared = false }: { tags: string[]; shared?: boolean }) {
  if (tags.length === 0) return null;
  return (
    <View className="tag-list">
      {tags.map((tag) => (
        <View
          key={tag}
          className={`tag-chip ${shared ? 'tag-chip--shared shared-tag' : 'profile-tag'}`}
          onClick={(event) => {
            event.stopPropagation();
            Taro.navigateTo({ url: tagPath(tag) });
          }}
        >
          <Text>#{tag}</Text>
        </View>
      ))}
    </View>
  );
}
