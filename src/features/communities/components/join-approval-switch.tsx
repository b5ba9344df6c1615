import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { SwitchCell } from '@/components/switch-cell';
import type { CommunityView } from '@/domain/contract/communities';
import { useSubmit } from '@/lib/use-submit';
import { updateCommunity } from '../api/update-community';

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
    <View className="card form join-approval">
      <SwitchCell
        className="join-approval"
        label="入群需审核"
        checked={community.joinApproval}
        disabled={saving}
        onChange={change}
        hint={
          community.joinApproval
            ? '凭邀请码或分享卡片加入的人，要等群主或管理员通过；绑定的微信群里的群友可直接加入。'
            : '凭邀请码即可直接加入；成员分享的卡片（不带邀请码）仍需审核。'
        }
      />
    </View>
  );
}
