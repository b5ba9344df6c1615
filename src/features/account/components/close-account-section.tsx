import { Text, View } from '@tarojs/components';
import '../account.scss';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { closedAccountName } from '@/domain/account';
import { pagePaths } from '@/domain/page-paths';
import { isApiError } from '@/lib/api-error';
import { useLoginSession } from '@/lib/login-session';
import { showErrorToast } from '@/lib/show-error-toast';
import { useSubmit } from '@/lib/use-submit';
import { closeAccount } from '../api/close-account';

/** What closing does, said before the member taps (and again in the first confirmation). */
export const accountClosureEffects = [
  '退出你加入的所有社群，已报名的活动自动取消，候补的人依次补上',
  '删除你在各社群的资料、头像、标签、心得和消息',
  `你发布过的技巧会保留，作者显示为「${closedAccountName}」`,
  '注销后无法恢复，再次登录会是一个全新的账号',
];

interface OwnedCommunity {
  id: string;
  name: string;
}

/**
 * 注销账号: asked twice (what happens, then a confirmation that names it). A 群主 is refused by the
 * server with the communities named; each gets a way to 转让群主 (成员与角色, where a member's page
 * offers it). Closed, the session is forgotten and the app starts over from 首页.
 */
export function CloseAccountSection() {
  const { busy, run } = useSubmit();
  const [refusal, setRefusal] = useState<{ message: string; owned: OwnedCommunity[] } | null>(null);

  async function close() {
    const first = await Taro.showModal({
      title: '注销账号',
      content: `${accountClosureEffects.join('；')}。`,
      confirmText: '继续',
      confirmColor: '#fa5151',
    });
    if (!first.confirm) return;
    const second = await Taro.showModal({
      title: '再次确认',
      content: '确定注销账号？此操作无法撤回。',
      confirmText: '注销账号',
      confirmColor: '#fa5151',
    });
    if (!second.confirm) return;
    await run(async () => {
      try {
        await closeAccount();
      } catch (error) {
        if (isApiError(error) && error.code === 'OWNER_CANNOT_CLOSE_ACCOUNT') {
          const owned = Object.entries(error.fields ?? {}).map(([id, name]) => ({ id, name }));
          setRefusal({ message: error.message, owned });
          return;
        }
        showErrorToast(error);
        return;
      }
      useLoginSession.getState().clearLoginSession();
      Taro.showToast({ title: '账号已注销', icon: 'none' });
      Taro.reLaunch({ url: pagePaths.home });
    });
  }

  function transfer(communityId: string) {
    useLoginSession.getState().setCurrentCommunity(communityId);
    Taro.navigateTo({ url: pagePaths.members });
  }

  return (
    <View className="close-account">
      <View className="section-title">注销账号</View>
      <View className="card">
        {accountClosureEffects.map((effect) => (
          <Text key={effect} className="hint close-account__effect">
            {effect}
          </Text>
        ))}
      </View>
      {refusal && (
        <View className="card close-account__refusal">
          <Text className="close-account__refusal-message">{refusal.message}</Text>
          <Text className="hint">在「成员与角色」里打开一位成员的页面，就能把群主转让给 TA。</Text>
          {refusal.owned.map((community) => (
            <View key={community.id} className="close-account__owned">
              <Text className="close-account__owned-name">{community.name}</Text>
              <ActionButton variant="mini" className="transfer-entry" onClick={() => transfer(community.id)}>
                转让群主
              </ActionButton>
            </View>
          ))}
        </View>
      )}
      <ActionButton
        variant="warn"
        className="close-account__button"
        loading={busy}
        disabled={busy}
        onClick={close}
      >
        注销账号
      </ActionButton>
    </View>
  );
}
