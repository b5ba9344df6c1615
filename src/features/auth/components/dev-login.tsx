import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import { communityLimits, textLength } from '@/domain/community-rules';
import { safeReturnTo } from '@/domain/page-paths';
import { roleLabels } from '@/domain/roles';
import { useLoginSession } from '@/lib/login-session';
import { useSubmit } from '@/lib/use-submit';
import { useDevUsers } from '../api/get-dev-users';
import { loginWithDev } from '../api/login-with-dev';

// The server caps dev login names at the community-name limit.
const nicknameMax = communityLimits.nameMax;

/** Demo login for H5: tap a seeded user, or type a new name to create one; then back to where the visitor was. */
export function DevLogin({ returnTo }: { returnTo?: string }) {
  const devUsers = useDevUsers();
  const [name, setName] = useState('');
  const { busy: submitting, run } = useSubmit();

  function logInAs(nickname: string) {
    run(async () => {
      useLoginSession.getState().signIn(await loginWithDev(nickname));
      Taro.reLaunch({ url: safeReturnTo(returnTo) });
    });
  }

  const trimmedName = name.trim();
  return (
    <View className="dev-login">
      <View className="section-title">选择演示用户</View>
      {devUsers.isLoading && <SkeletonCard />}
      {devUsers.error ? <LoadError error={devUsers.error} onRetry={devUsers.reload} /> : null}
      {devUsers.data && devUsers.data.length === 0 && (
        <View className="card">
          <Text className="hint">还没有演示用户，在下面输入名字创建一个</Text>
        </View>
      )}
      {devUsers.data && devUsers.data.length > 0 && (
        <View className="card list">
          {devUsers.data.map((user) => (
            <View key={user.nickname} className="list-item dev-user" onClick={() => logInAs(user.nickname)}>
              <Text className="dev-user__name">{user.nickname}</Text>
              {user.communityName && <Text className="dev-user__community">{user.communityName}</Text>}
              {user.role && <Text className="role-tag">{roleLabels[user.role]}</Text>}
            </View>
          ))}
        </View>
      )}

      <View className="section-title">新建用户</View>
      <View className="card form">
        <View className="field">
          <Input
            className="field__input dev-login__name"
            placeholder="输入昵称"
            value={name}
            maxlength={nicknameMax}
            onInput={(event) => setName(event.detail.value)}
          />
          <Text className="field__count">
            {textLength(name)}/{nicknameMax}
          </Text>
        </View>
        <ActionButton
          variant="primary"
          disabled={!trimmedName || submitting}
          loading={submitting}
          onClick={() => logInAs(trimmedName)}
        >
          登录
        </ActionButton>
      </View>
    </View>
  );
}
