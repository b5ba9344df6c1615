import { Text, View } from '@tarojs/components';
import type { DashboardView } from '@/domain/contract/dashboard';
import { appTimeZone, dayjs } from '@/lib/dayjs';
import '../dashboard.scss';
import { BarChart, weekLabel } from './bar-chart';
import { SizeMeter } from './size-meter';

function Section({ name, title, children }: { name: string; title: string; children: React.ReactNode }) {
  return (
    <View className={`card dashboard-section dashboard-${name}`}>
      <Text className="dashboard-section__title">{title}</Text>
      {children}
    </View>
  );
}

function Empty({ children }: { children: string }) {
  return <Text className="dashboard-empty">{children}</Text>;
}

/** The owner's view of the community's health: one card per chart, pictures first, figures beside them. */
export function DashboardPanel({ dashboard }: { dashboard: DashboardView }) {
  const { size, team, content, sessions, promotions, tags } = dashboard;
  const labels = size.weeks.map((week) => weekLabel(week.weekStart));
  return (
    <View className="dashboard">
      <Section name="size" title="社群规模">
        <View className="dashboard-figure">
          <Text className="dashboard-member-count">{size.memberCount}</Text>
          <Text className="dashboard-figure__unit">位成员</Text>
        </View>
        <SizeMeter memberCount={size.memberCount} capacity={size.capacity} band={size.band} />
        <Text className="dashboard-advice">{size.advice}</Text>
        <Text className="dashboard-subtitle">近 8 周加入与退出</Text>
        <BarChart
          labels={labels}
          series={[
            { name: '加入', tone: 'green', values: size.weeks.map((w) => w.joined) },
            { name: '退出', tone: 'grey', values: size.weeks.map((w) => w.left) },
          ]}
        />
      </Section>

      <Section name="team" title="团队">
        <View className="dashboard-team-counts">
          <Text className="dashboard-team-counts__item">
            管理员 {team.admins} / 推荐 {team.recommended.admin}
          </Text>
          <Text className="dashboard-team-counts__item">
            秘书 {team.secretaries} / 推荐 {team.recommended.secretary}
          </Text>
        </View>
        {team.note && <Text className="dashboard-advice team-note">{team.note}</Text>}
      </Section>

      <Section name="content" title="技巧">
        <BarChart
          labels={labels}
          series={[
            { name: '发布', tone: 'green', values: content.weeks.map((w) => w.published) },
            { name: '收藏', tone: 'blue', values: content.weeks.map((w) => w.saved) },
            { name: '我试过了', tone: 'orange', values: content.weeks.map((w) => w.tried) },
          ]}
        />
        <Text className="dashboard-subtitle">试过最多的技巧</Text>
        {content.mostTried.length === 0 ? (
          <Empty>还没有人试过技巧：发布一个 5 分钟能学会的技巧吧</Empty>
        ) : (
          content.mostTried.map((tip) => (
            <View key={tip.id} className="dashboard-row most-tried-tip">
              <Text className="dashboard-row__name">{tip.title}</Text>
              <Text className="dashboard-row__value">{tip.tryCount} 人试过</Text>
            </View>
          ))
        )}
      </Section>

      <Section name="sessions" title="活动">
        {sessions.length === 0 ? (
          <Empty>近 8 周没有活动：安排一场活动，让大家见见面</Empty>
        ) : (
          sessions.map((session) => (
            <View key={session.id} className="dashboard-session">
              <View className="dashboard-row">
                <Text className="dashboard-row__name">{session.title}</Text>
                <Text className="dashboard-row__value">
                  {dayjs(session.startsAt).tz(appTimeZone).format('M月D日')}
                </Text>
              </View>
              <View className="fill-bar">
                <View
                  className="fill-bar__fill"
                  style={{ width: `${Math.min(100, session.fillPercent)}%` }}
                />
              </View>
              <Text className="dashboard-session__figures">
                {`报名 ${session.seatsTaken}/${session.capacity}（${session.fillPercent}%） · 候补 ${session.waitlisted}`}
                {session.attended === null ? ' · 未开始' : ` · 签到 ${session.attended}`}
                {session.noShowPercent !== null && ` · 未到率 ${session.noShowPercent}%`}
                {session.waitlistConversionPercent !== null &&
                  ` · 候补转正 ${session.waitlistConversionPercent}%`}
              </Text>
            </View>
          ))
        )}
      </Section>

      <Section name="promotions" title="推广">
        <BarChart
          labels={labels}
          series={[
            { name: '申请', tone: 'blue', values: promotions.map((w) => w.requested) },
            { name: '已通过', tone: 'green', values: promotions.map((w) => w.approved) },
            { name: '未通过', tone: 'orange', values: promotions.map((w) => w.rejected) },
            { name: '空位', tone: 'grey', values: promotions.map((w) => w.emptyPlaces) },
          ]}
        />
      </Section>

      <Section name="tags" title="标签">
        {tags.top.length === 0 ? (
          <Empty>还没有人加标签：提醒新成员在资料里加上自己的标签</Empty>
        ) : (
          tags.top.map((tag) => (
            <View key={tag.tag} className="dashboard-row top-tag">
              <Text className="dashboard-row__name">{tag.tag}</Text>
              <View className="tag-bar">
                <View
                  className="tag-bar__fill"
                  style={{ width: `${(tag.holders / tags.top[0]!.holders) * 100}%` }}
                />
              </View>
              <Text className="dashboard-row__value">
                {tag.holders} 人
                {tag.addedRecently > 0 ? ` · 近${tags.growthWeeks}周 +${tag.addedRecently}` : ''}
              </Text>
            </View>
          ))
        )}
      </Section>
    </View>
  );
}
