import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { WeeklyDigestView } from '@/domain/contract/weekly-digest';
import { memberProfilePath, pagePaths, sessionPath, tipPath } from '@/domain/page-paths';
import { type DigestSectionKind, digestSectionTitles, nonEmptySections } from '@/domain/weekly-digest';
import { formatRelative } from '@/lib/china-time';
import '../weekly-digest.scss';
import '../../../components/cell.scss';
import { tagLine } from '@/domain/tags';

const open = (url: string) => () => Taro.navigateTo({ url });

function SectionRows({ kind, digest }: { kind: DigestSectionKind; digest: WeeklyDigestView }) {
  switch (kind) {
    case 'newTips':
    case 'mostTried':
      return (
        <>
          {digest[kind].map((tip) => (
            <View key={tip.id} className="list-item digest-row digest-tip" onClick={open(tipPath(tip.id))}>
              <Text className="cell__label">{tip.title}</Text>
              <Text className="digest-row__meta">
                {kind === 'mostTried' ? `${tip.tryCount}人试过` : `${tip.minutes}分钟`}
              </Text>
              <Text className="cell__arrow">›</Text>
            </View>
          ))}
        </>
      );
    case 'sessions':
      return (
        <>
          {digest.sessions.map((session) => (
            <View
              key={session.id}
              className="list-item digest-row digest-session"
              onClick={open(sessionPath(session.id))}
            >
              <View className="cell__label">
                <Text className="digest-row__title">{session.title}</Text>
                <Text className="digest-row__meta">{formatRelative(session.startsAt)}</Text>
              </View>
              <Text className="digest-row__seats">{`剩 ${session.seatsLeft} 个名额`}</Text>
              <Text className="cell__arrow">›</Text>
            </View>
          ))}
        </>
      );
    case 'promotions':
      return (
        <>
          {digest.promotions.map((promotion) => (
            <View
              key={promotion.id}
              className="list-item digest-row digest-promotion"
              onClick={() => Taro.switchTab({ url: pagePaths.promotions })}
            >
              <Text className="cell__label">{promotion.title}</Text>
              <Text className="digest-row__meta">{promotion.authorNickname}</Text>
            </View>
          ))}
        </>
      );
    case 'newcomers':
      return (
        <>
          {digest.newcomers.map((newcomer) => (
            <View
              key={newcomer.userId}
              className="list-item digest-row digest-newcomer"
              onClick={open(memberProfilePath(newcomer.userId))}
            >
              <View className="cell__label">
                <Text className="digest-row__title">
                  {newcomer.invitedBy
                    ? `${newcomer.nickname}（${newcomer.invitedBy} 邀请）`
                    : newcomer.nickname}
                </Text>
                {newcomer.tags.length > 0 && (
                  <Text className="digest-row__meta">{tagLine(newcomer.tags)}</Text>
                )}
              </View>
              <Text className="cell__arrow">›</Text>
            </View>
          ))}
        </>
      );
  }
}

/** 本周群周报 as a page: the sections with something in them, each row opening what it names. */
export function DigestSections({ digest }: { digest: WeeklyDigestView }) {
  return (
    <>
      {nonEmptySections(digest).map((kind) => (
        <View key={kind} className={`digest-section digest-section--${kind}`}>
          <View className="section-title">{digestSectionTitles[kind]}</View>
          <View className="card list">
            <SectionRows kind={kind} digest={digest} />
          </View>
        </View>
      ))}
    </>
  );
}
