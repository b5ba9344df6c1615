import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { pagePaths } from '@/domain/page-paths';
import { roleLabels } from '@/domain/roles';
import { useLoginSession } from '@/lib/login-session';

/** My communities; tapping another one makes it current and shows it on 首页. */
export function CommunitySwitcher() {
  const memberships = useLoginSession((state) => state.memberships) ?? [];
  const currentCommunityId = useLoginSession((state) => state.currentCommunityId);

  if (memberships.length === 0) {
    return (
      <View className="card community-switcher">
        <Text className="hint">你还没有加入任何社群</Text>
      </View>
    );
  }

  function switchTo(communityId: string, communityName: string) {
    if (communityId === currentCommunityId) return;
    useLoginSession.getState().setCurrentCommunity(communityId);
    Taro.showToast({ title: `已切换到${communityName}`, icon: 'none' });
    Taro.switchTab({ url: pagePaths.home });
  }

  return (
    <View className="card list community-switcher">
      {memberships.map((membership) => {
        const isCurrent = membership.communityId === currentCommunityId;
        return (
          <View
            key={membership.communityId}
            className={`list-item community-switcher__item ${isCurrent ? 'is-current' : ''}`}
            onClick={() => switchTo(membership.communityId, membership.communityName)}
          >
            <Text className="community-switcher__name">{membership.communityName}</Text>
            <Text className="role-tag">{roleLabels[membership.role]}</Text>
            {isCurrent && <Text className="community-switcher__current">当前</Text>}
          </View>
        );
      })}
    </View>
  );
}
