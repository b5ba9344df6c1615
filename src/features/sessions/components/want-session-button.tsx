import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import type { TipWantView } from '@/domain/contract/sessions';
import { useSubmit } from '@/lib/use-submit';
import { setTipWant, useTipWant } from '../api/tip-want';

/** "想听这个" under a tip: tells the team a session on it is wanted. Tap again to take it back. */
export function WantSessionButton({ tipId }: { tipId: string }) {
  const loaded = useTipWant(tipId);
  const [changed, setChanged] = useState<TipWantView>();
  const { busy, run } = useSubmit();
  const want = changed ?? loaded.data;
  if (!want) return null;

  function toggle() {
    run(async () => {
      const next = await setTipWant(tipId, !want!.wanted);
      setChanged(next);
      if (next.wanted) Taro.showToast({ title: '已告诉群主，有活动会通知你', icon: 'none' });
    });
  }

  return (
    <View className="want-session">
      {/* 我试过了 is the tip page's one primary action. */}
      <ActionButton variant="default" className="want-session__button" loading={busy} onClick={toggle}>
        {want.wanted ? '已想听' : '想听这个'}
      </ActionButton>
      {want.wantCount > 0 && <Text className="hint want-session__count">{`${want.wantCount} 人想听`}</Text>}
    </View>
  );
}
