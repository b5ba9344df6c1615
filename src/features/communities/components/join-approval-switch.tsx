import { Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CommunityView } from '@/domain/contract/communities';
import { useSubmit } from '@/lib/use-submit';
import { updateCommunity } from '../api/update-community';
import './joining.scss';

/** The owner's switch: newcomers with a code or a card wait for the owner or an admin. */
export function JoinApprovalSwitch({
  community,
  onSaved,
}: {
  community: CommunityView;
  onSaved: (community: CommunityView) => void;
}) {
  const { busy: saving, run } = useSubmit();

  function change(joinApproval: boolean) {
    run(async () => {
      const saved = await updateCommunity(community.id, { joinApproval });
      Taro.showToast({ title: joinApproval ? '已开启入群审核' : '已关闭入群审核', icon: 'none' });
      onSaved(saved);
    });
  }

  return (
    <View className="card join-approval">
      <View className="settings-switch-row">
        <Text>入群需审核</Text>
        <Switch
          className="join-approval-switch"
          checked={community.joinApproval}
          disabled={saving}
          color="#07c160"
          onChange={(event) => change(event.detail.value)}
        />
      </View>
      <Text className="hint">
        {community.joinApproval
          ? '凭邀请码或分享卡片加入的人，要等群主或管理员通过；绑定的微信群里的群友可直接加入。'
          : '凭邀请码即可直接加入；成员分享的卡片（不带邀请码）仍需审核。'}
      </Text>
    </View>
  );
}
