import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/action-button';
import { pagePaths, pageUrl } from '@/domain/page-paths';

/** How a shared card invites a non-member: the team's code, the community, who shared it. */
export type Invitation = Partial<Record<'code' | 'community' | 'inviter', string>>;

/** The invitation in a page's query, as Taro's router hands it over. */
export function invitationFrom(params: Partial<Record<string, string>>): Invitation {
  const read = (value: string | undefined) => (value ? decodeURIComponent(value) : undefined);
  return { code: read(params.code), community: read(params.community), inviter: read(params.inviter) };
}

/** A tip or session opened from a share card by someone not in the community: the way in is the join screen. */
export function JoinPrompt({ invitation, what }: { invitation: Invitation; what: string }) {
  return (
    <View className="card join-prompt">
      <Text className="title">{`加入社群后就能看到这个${what}`}</Text>
      <ActionButton
        variant="primary"
        className="join-prompt__join"
        onClick={() => Taro.redirectTo({ url: pageUrl(pagePaths.joinCommunity, invitation) })}
      >
        加入社群
      </ActionButton>
    </View>
  );
}
