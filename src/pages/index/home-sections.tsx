import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { PromotionCard } from '@/features/promotions/components/promotion-card';
import { SessionCard } from '@/features/sessions/components/session-card';
import { TipCard } from '@/features/tips/components/tip-card';
import { WeeklyDigestEntry } from '@/features/weekly-digest/components/weekly-digest-entry';
import { isSameChinaDay } from '@/lib/china-time';
import type { HomeSections } from './use-home-sections';
import './index.scss';
import { pagePaths, sessionPath, tipPath, weeklyDigestPath } from '@/domain/page-paths';

/** The newest published tip. An empty feed hides the section: 技巧 says what to do about it. */
function TodayTip({ tips }: Pick<HomeSections, 'tips'>) {
  if (tips.status === 'error') return <LoadError error={tips.error} onRetry={tips.reload} />;
  if (tips.status === 'loading') return <SkeletonCard lines={2} />;
  const newest = tips.items[0];
  if (!newest) return null;
  return (
    <View className="home-section home-tip">
      <View className="section-title">今日技巧</View>
      <TipCard tip={newest} onOpen={(tipId) => Taro.navigateTo({ url: tipPath(tipId) })} />
    </View>
  );
}

/** The first upcoming session someone can still sign up for; full ones wait in 活动. */
function NextSession({ sessions }: Pick<HomeSections, 'sessions'>) {
  if (sessions.error) return <LoadError error={sessions.error} onRetry={sessions.reload} />;
  if (!sessions.data) return <SkeletonCard lines={2} />;
  const next = sessions.data.items.find((session) => session.status === 'scheduled' && session.seatsLeft > 0);
  if (!next) return null;
  return (
    <View className="home-section home-session">
      <View className="section-title">下一场活动</View>
      <SessionCard session={next} onOpen={(id) => Taro.navigateTo({ url: sessionPath(id) })} />
    </View>
  );
}

/** Approved promotions of the slot running now and of today's later slots. */
function TodayPromotions({ board }: Pick<HomeSections, 'board'>) {
  if (board.error) return <LoadError error={board.error} onRetry={board.reload} />;
  if (!board.data) return <SkeletonCard lines={2} />;
  const now = Date.now();
  const todays = [
    ...board.data.current,
    ...board.data.upcoming.filter((promotion) => isSameChinaDay(promotion.slot.startsAt, now)),
  ];
  if (todays.length === 0) return null;
  return (
    <View
      className="home-section home-promotions"
      onClick={() => Taro.switchTab({ url: pagePaths.promotions })}
    >
      <View className="section-title">今日推广</View>
      {todays.map((promotion) => (
        <PromotionCard key={promotion.id} promotion={promotion} />
      ))}
    </View>
  );
}

/** For the owner and admins: what waits for their review, each count opening its queue. */
function WaitingStrip({
  suggestions,
  promotionRequests,
  joinRequests,
}: Pick<HomeSections, 'suggestions' | 'promotionRequests' | 'joinRequests'>) {
  const error = suggestions.error ?? promotionRequests.error ?? joinRequests.error;
  if (error) {
    const retry = () =>
      Promise.all([suggestions.reload(), promotionRequests.reload(), joinRequests.reload()]);
    return <LoadError error={error} onRetry={retry} />;
  }
  if (!suggestions.data || !promotionRequests.data || !joinRequests.data) return <SkeletonCard lines={1} />;
  const items = [
    {
      className: 'waiting-join-requests',
      text: `${joinRequests.data.length} 个入群申请待审核`,
      count: joinRequests.data.length,
      url: pagePaths.joinRequests,
    },
    {
      className: 'waiting-suggestions',
      text: `${suggestions.data.length} 条投稿待审核`,
      count: suggestions.data.length,
      url: pagePaths.tipReview,
    },
    {
      className: 'waiting-promotions',
      text: `${promotionRequests.data.length} 个推广申请待审核`,
      count: promotionRequests.data.length,
      url: pagePaths.promotionReview,
    },
  ].filter((item) => item.count > 0);
  if (items.length === 0) return null;
  return (
    <View className="home-section">
      <View className="section-title">待处理</View>
      <View className="card waiting-strip">
        {items.map((item) => (
          <View
            key={item.className}
            className={`waiting-item ${item.className}`}
            onClick={() => Taro.navigateTo({ url: item.url })}
          >
            <Text className="waiting-item__text">{item.text}</Text>
            <Text className="waiting-item__arrow">›</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** The owner's and admins' tools that are not a waiting count, one tap from 首页. */
function OwnerTools() {
  const tools = [
    { className: 'tool-join-requests', text: '入群申请', url: pagePaths.joinRequests },
    { className: 'tool-dashboard', text: '社群看板', url: pagePaths.dashboard },
    { className: 'tool-weekly-digest', text: '本周群周报', url: weeklyDigestPath() },
    { className: 'tool-welcome', text: '新人欢迎', url: pagePaths.welcome },
  ];
  return (
    <View className="home-section">
      <View className="section-title">群主工具</View>
      <View className="card owner-tools">
        {tools.map((tool) => (
          <View
            key={tool.className}
            className={`owner-tool ${tool.className}`}
            onClick={() => Taro.navigateTo({ url: tool.url })}
          >
            {tool.text}
          </View>
        ))}
      </View>
    </View>
  );
}

/** 首页 under the goal, in the order of DESIGN.md. */
export function HomeSectionList({ sections }: { sections: HomeSections }) {
  return (
    <>
      <WeeklyDigestEntry latest={sections.digest.data} />
      <TodayTip tips={sections.tips} />
      <NextSession sessions={sections.sessions} />
      <TodayPromotions board={sections.board} />
      {sections.canReview && (
        <>
          <WaitingStrip
            suggestions={sections.suggestions}
            promotionRequests={sections.promotionRequests}
            joinRequests={sections.joinRequests}
          />
          <OwnerTools />
        </>
      )}
    </>
  );
}
