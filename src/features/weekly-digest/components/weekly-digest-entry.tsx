import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { LatestWeeklyDigestView } from '@/domain/contract/weekly-digest';
import { weeklyDigestPath } from '@/domain/page-paths';

/** 首页's link to the newest digest the team shared; nothing until there is one (or when it failed to load). */
export function WeeklyDigestEntry({ latest }: { latest: LatestWeeklyDigestView | undefined }) {
  const digest = latest?.latest;
  if (!digest) return null;
  return (
    <View
      className="card home-section weekly-digest-entry"
      onClick={() => Taro.navigateTo({ url: weeklyDigestPath(digest.weekStart) })}
    >
      {`本周群周报 · ${digest.weekLabel} ›`}
    </View>
  );
}
