import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { LatestWeeklyDigestView } from '@/domain/contract/weekly-digest';
import { weeklyDigestPath } from '@/domain/page-paths';

/** 首页's link to the newest digest the team shared; nothing until there is one (or when it failed to load). */
export function WeeklyDigestEntry({ latest }: { latest: LatestWeeklyDigestView | undefined }) {
  const digest = latest?.latest;
  if (!digest) return null;
  return (
    <View className="home-section">
      <View
        className="card list weekly-digest-entry"
        onClick={() => Taro.navigateTo({ url: weeklyDigestPath(digest.weekStart) })}
      >
        <View className="list-item">
          <Text className="cell__label">{`本周群周报 · ${digest.weekLabel}`}</Text>
          <Text className="cell__arrow">›</Text>
        </View>
      </View>
    </View>
  );
}
