import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { SwitchCell } from '@/components/switch-cell';
import type { CommunityView } from '@/domain/contract/communities';
import { gentleRuleSettingText } from '@/domain/gentle-rule';
import { useSubmit } from '@/lib/use-submit';
import { updateCommunity } from '../api/update-community';

/** The owner's gentle rule against no-shows (off by default): members who missed often wait first. */
export function GentleRuleSwitch({
  community,
  onSaved,
}: {
  community: CommunityView;
  onSaved: (community: CommunityView) => void;
}) {
  const { busy: saving, run } = useSubmit();

  function change(gentleRule: boolean) {
    run(async () => {
      const saved = await updateCommunity(community.id, { gentleRule });
      Taro.showToast({ title: gentleRule ? '已开启缺席先候补' : '已关闭缺席先候补', icon: 'none' });
      onSaved(saved);
    });
  }

  return (
    <View className="card form gentle-rule">
      <SwitchCell
        className="gentle-rule"
        label="缺席较多先候补"
        checked={community.gentleRule}
        disabled={saving}
        onChange={change}
        hint={community.gentleRule ? gentleRuleSettingText : `未开启。${gentleRuleSettingText}`}
      />
    </View>
  );
}
