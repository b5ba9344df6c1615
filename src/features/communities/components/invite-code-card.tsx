import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { ActionButton } from '@/components/action-button';
import { withPermission } from '@/lib/device-permission';

/** The team sees the invite code so they can bring people in; copying puts it on the clipboard. */
export function InviteCodeCard({ inviteCode, children }: { inviteCode: string; children?: ReactNode }) {
  return (
    <View className="card invite-code-card">
      <Text className="label">邀请码</Text>
      <View className="invite-code-card__row">
        <Text className="invite-code">{inviteCode}</Text>
        <ActionButton
          variant="mini"
          onClick={() => withPermission('clipboard', () => Taro.setClipboardData({ data: inviteCode }))}
        >
          复制
        </ActionButton>
        {children}
      </View>
      <Text className="hint">发给想加入的朋友，或在右上角分享社群</Text>
    </View>
  );
}
