import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ChoiceCell } from '@/components/choice-cell';
import { lateCancelHoursChoices, lateCancelRuleText } from '@/domain/attendance';
import type { CommunityView } from '@/domain/contract/communities';
import { useSubmit } from '@/lib/use-submit';
import { updateCommunity } from '../api/update-community';

/** The owner's cut-off for the attendance record: a seat given up after it counts as a no-show. */
export function LateCancelSetting({
  community,
  onSaved,
}: {
  community: CommunityView;
  onSaved: (community: CommunityView) => void;
}) {
  const { busy, run } = useSubmit();

  function choose(lateCancelHours: number) {
    if (busy || lateCancelHours === community.lateCancelHours) return;
    run(async () => {
      const saved = await updateCommunity(community.id, { lateCancelHours });
      Taro.showToast({ title: '已保存', icon: 'none' });
      onSaved(saved);
    });
  }

  return (
    <View className="card form late-cancel">
      <ChoiceCell
        label="临时取消"
        options={lateCancelHoursChoices.map(
          (hours) => [hours, hours === 0 ? '不限' : `开始前 ${hours} 小时`] as const,
        )}
        value={community.lateCancelHours}
        onChange={choose}
        hint={lateCancelRuleText(community.lateCancelHours)}
      />
    </View>
  );
}
