import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { LoadError } from '@/components/load-error';
import { LoadMore } from '@/components/load-more';
import { SkeletonCard } from '@/components/skeleton-card';
import { useMyTips } from '../api/get-my-tips';
import { TipCardList } from './tip-card-list';
import '../tips.scss';
import type { MyTipsKind } from '@/domain/contract/tips';

/** 我的: 收藏 and 试过的技巧 of the current community. */
export function MyTipsSection({
  communityId,
  onOpen,
}: {
  communityId: string;
  onOpen: (tipId: string) => void;
}) {
  const [kind, setKind] = useState<MyTipsKind>('tried');
  const list = useMyTips(communityId, kind);
  // 我的 stays mounted as a tab: a tip tried or saved meanwhile shows up when the tab is shown again.
  useDidShow(() => {
    if (list.status === 'ready') list.reload();
  });
  const options: Array<[MyTipsKind, string]> = [
    ['tried', '试过的技巧'],
    ['saved', '收藏'],
  ];
  return (
    <View className="my-tips">
      <View className="tip-sort">
        {options.map(([option, label]) => (
          <Text
            key={option}
            className={`tip-sort__option my-tips-tab--${option} ${kind === option ? 'is-selected' : ''}`}
            onClick={() => setKind(option)}
          >
            {label}
          </Text>
        ))}
      </View>
      {list.status === 'loading' && <SkeletonCard lines={2} />}
      {list.status === 'error' && <LoadError error={list.error} onRetry={list.reload} />}
      {list.status === 'ready' && list.items.length === 0 && (
        <Text className="tip-empty">
          {kind === 'tried'
            ? '还没有试过的技巧，去「技巧」挑一个今天就能试的吧'
            : '还没有收藏，看到好用的技巧点「收藏」'}
        </Text>
      )}
      <TipCardList tips={list.items} onOpen={onOpen} />
      <LoadMore list={list} className="my-tips__more" />
    </View>
  );
}
