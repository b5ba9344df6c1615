import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import type { CommunityView } from '@/domain/contract/communities';
import { useSubmit } from '@/lib/use-submit';
import { bindWechatGroup, unbindWechatGroup } from '../api/wechat-group-binding';
import { openedFromGroupChat, sendGroupTicket } from '../wechat-group';

/**
 * Binding the community to its WeChat group lets the group's people join from a card without a
 * code. The group is only known when the app was opened from a card inside that group chat.
 */
export function WechatGroupPanel({
  community,
  onSaved,
}: {
  community: CommunityView;
  onSaved: (community: CommunityView) => void;
}) {
  const [fromGroup] = useState(openedFromGroupChat);
  const { busy, run } = useSubmit();

  function save(action: () => Promise<CommunityView>, done: string) {
    run(async () => {
      const saved = await action();
      Taro.showToast({ title: done, icon: 'success' });
      onSaved(saved);
    });
  }

  function bind() {
    save(() => sendGroupTicket((ticket) => bindWechatGroup(community.id, ticket)), '已绑定微信群');
  }

  async function unbind() {
    const { confirm } = await Taro.showModal({
      title: '解除绑定',
      content: '解除后，群里的人打开分享卡片需要邀请码或等待审核才能加入。确定解除吗？',
      confirmText: '解除',
      confirmColor: '#fa5151',
    });
    if (confirm) save(() => unbindWechatGroup(community.id), '已解除绑定');
  }

  return (
    <View className="card wechat-group">
      {community.wechatGroupBound ? (
        <>
          <Text className="wechat-group__status">已绑定微信群</Text>
          <Text className="hint">群里的人打开社群的分享卡片，可直接加入，无需邀请码和审核。</Text>
          <ActionButton variant="warn" className="wechat-group-unbind" disabled={busy} onClick={unbind}>
            解除绑定
          </ActionButton>
        </>
      ) : (
        <>
          <Text className="wechat-group__status">未绑定微信群</Text>
          {fromGroup ? (
            <ActionButton
              variant="primary"
              className="wechat-group-bind"
              disabled={busy}
              loading={busy}
              onClick={bind}
            >
              绑定当前微信群
            </ActionButton>
          ) : (
            <Text className="hint">在群聊中打开群友圈的分享卡片后，回到这里绑定</Text>
          )}
        </>
      )}
    </View>
  );
}
