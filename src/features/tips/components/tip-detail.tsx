import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { TextField } from '@/components/text-field';
import type { TipDetailView } from '@/domain/contract/tips';
import { tipStatusLabels } from '@/domain/tip-labels';
import { tipLimits } from '@/domain/tips';
import { formatRelative } from '@/lib/china-time';
import { imageSrc } from '@/lib/image-src';
import { showErrorToast } from '@/lib/show-error-toast';
import { useSubmit } from '@/lib/use-submit';
import { markTipTried, setTipMark, unmarkTipTried } from '../api/react-to-tip';
import '../tips.scss';
import '../tip-detail.scss';

interface TipDetailProps {
  tip: TipDetailView;
  /** The answer of a change: the tip with its new counts. */
  onChange: (tip: TipDetailView) => void;
  onTagTap: (tag: string) => void;
}

async function attempt(
  action: () => Promise<TipDetailView>,
  onChange: (tip: TipDetailView) => void,
  done: string,
) {
  try {
    onChange(await action());
    Taro.showToast({ title: done, icon: 'success' });
  } catch (error) {
    showErrorToast(error);
  }
}

/** 我试过了 with an optional note (at most 100 characters); editable, or taken back. */
function TryForm({ tip, onChange }: Pick<TipDetailProps, 'tip' | 'onChange'>) {
  const [note, setNote] = useState(tip.myTry?.note ?? '');
  const { busy, run } = useSubmit();
  useEffect(() => setNote(tip.myTry?.note ?? ''), [tip.myTry?.note]);
  const change = (action: () => Promise<TipDetailView>, done: string) =>
    run(() => attempt(action, onChange, done));
  return (
    <View className="card tip-try">
      <TextField
        label={tip.myTry ? '我的心得' : '试过之后，留一句心得（可不填）'}
        value={note}
        onChange={setNote}
        max={tipLimits.noteMax}
        multiline
        className="field--note"
      />
      <View className="tip-actions">
        <ActionButton
          variant="primary"
          className="tip-try__submit"
          loading={busy}
          disabled={busy}
          onClick={() => change(() => markTipTried(tip.id, note), tip.myTry ? '已更新' : '已记录')}
        >
          {tip.myTry ? '更新心得' : '我试过了'}
        </ActionButton>
        {tip.myTry && (
          <ActionButton
            className="tip-try__undo"
            disabled={busy}
            onClick={async () => {
              const { confirm } = await Taro.showModal({
                title: '撤回「我试过了」？',
                content: '你的心得会一起删掉。',
              });
              if (confirm) change(() => unmarkTipTried(tip.id), '已撤回');
            }}
          >
            撤回
          </ActionButton>
        )}
      </View>
    </View>
  );
}

/** The detail of a tip: steps, tags, 收藏 / 点赞 / 我试过了 with their counts. */
export function TipDetail({ tip, onChange, onTagTap }: TipDetailProps) {
  const when = tip.publishedAt ?? tip.publishAt;
  return (
    <View className="tip-detail">
      <View className="card">
        <View className="tip-detail__head">
          <Text className="tip-detail__title">{tip.title}</Text>
          {tip.status !== 'published' && <Text className="tip-status">{tipStatusLabels[tip.status]}</Text>}
        </View>
        <View className="tip-detail__meta">
          <Text className="tip-author">
            {tip.suggested ? `${tip.author.nickname} 投稿` : tip.author.nickname}
          </Text>
          <Text className="tip-minutes">{`${tip.minutes}分钟`}</Text>
          {when && <Text className="tip-time">{formatRelative(when)}</Text>}
        </View>
        {tip.imageUrl && <Image className="tip-detail__image" src={imageSrc(tip.imageUrl)} mode="widthFix" />}
        <Text className="tip-detail__body">{tip.body}</Text>
        {tip.steps.length > 0 && (
          <View className="tip-steps">
            {tip.steps.map((step, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: steps are numbered by position
              <View key={index} className="tip-step">
                <Text className="tip-step__number">{index + 1}</Text>
                <Text className="tip-step__text">{step}</Text>
              </View>
            ))}
          </View>
        )}
        <View className="tip-detail__tags">
          {tip.tags.map((tag) => (
            <Text key={tag} className="tip-tag" onClick={() => onTagTap(tag)}>
              #{tag}
            </Text>
          ))}
        </View>
        {tip.declineReason && tip.status === 'declined' && (
          <Text className="hint tip-decline-reason">{`未通过：${tip.declineReason}`}</Text>
        )}
      </View>

      {tip.status === 'published' && (
        <>
          <View className="card tip-actions">
            <View
              className={`tip-action tip-save ${tip.saved ? 'is-on' : ''}`}
              onClick={() =>
                attempt(
                  () => setTipMark(tip.id, 'save', !tip.saved),
                  onChange,
                  tip.saved ? '已取消收藏' : '已收藏',
                )
              }
            >
              <Text className="tip-action__icon">{tip.saved ? '★' : '☆'}</Text>
              <Text>{`${tip.saved ? '已收藏' : '收藏'} ${tip.saveCount}`}</Text>
            </View>
            <View
              className={`tip-action tip-like ${tip.liked ? 'is-on' : ''}`}
              onClick={() =>
                attempt(
                  () => setTipMark(tip.id, 'like', !tip.liked),
                  onChange,
                  tip.liked ? '已取消点赞' : '已点赞',
                )
              }
            >
              <Text className="tip-action__icon">{tip.liked ? '♥' : '♡'}</Text>
              <Text>{`${tip.liked ? '已点赞' : '点赞'} ${tip.likeCount}`}</Text>
            </View>
            <View className={`tip-action tip-tried ${tip.myTry ? 'is-on' : ''}`}>
              <Text className="tip-action__icon">✓</Text>
              <Text className="tip-tried-count">{`${tip.tryCount}人试过`}</Text>
            </View>
          </View>
          <TryForm tip={tip} onChange={onChange} />
        </>
      )}
    </View>
  );
}
