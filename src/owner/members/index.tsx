import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { LoadError } from '@/components/load-error';
import { SearchBox } from '@/components/search-box';
import { SkeletonCard } from '@/components/skeleton-card';
import { communityLimits } from '@/domain/community-rules';
import type { MemberDirectoryEntry } from '@/domain/contract/communities';
import { messageFor } from '@/domain/error-codes';
import { exportFileName } from '@/domain/exports';
import { canRemoveMember, hasRoleAtLeast, isTeamRole } from '@/domain/roles';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { useBlockedUsers } from '@/features/communities/api/remove-member';
import { useMemberSearch } from '@/features/communities/api/search-members';
import { BlockedUsers } from '@/features/communities/components/blocked-users';
import { MemberDirectory } from '@/features/communities/components/member-directory';
import { RemoveMemberDialog } from '@/features/communities/components/remove-member-dialog';
import { useCurrentCommunity } from '@/features/communities/hooks/use-current-community';
import { useExportHistory } from '@/features/exports/api/get-export-history';
import { membersExportPath } from '@/features/exports/api/open-spreadsheet';
import { ExportButton } from '@/features/exports/components/export-button';
import { ExportHistory } from '@/features/exports/components/export-history';

/**
 * The team's members screen: find a member by name or tag, export the list, see every export; the
 * owner and admins also remove members and lift blocks.
 */
function Members() {
  const current = useCurrentCommunity();
  const community = current.status === 'ready' ? current.community : null;
  const team = community !== null && isTeamRole(community.myRole);
  const [q, setQ] = useState('');
  const [exports, setExports] = useState(0);
  const [removing, setRemoving] = useState<MemberDirectoryEntry | null>(null);
  const members = useMemberSearch(team ? community.id : null, q);
  const history = useExportHistory(team ? community.id : null, exports);
  const moderator = community !== null && hasRoleAtLeast(community.myRole, 'admin');
  const blocked = useBlockedUsers(moderator ? community.id : null);
  useReachBottom(() => {
    members.loadMore();
  });

  if (current.status === 'loading') return <SkeletonCard lines={4} />;
  if (current.status === 'error') return <LoadError error={current.error} onRetry={current.reload} />;
  if (!community || !team)
    return (
      <View className="card">
        <Text className="hint">{messageFor('FORBIDDEN')}</Text>
      </View>
    );
  return (
    <>
      <SearchBox
        name="member-search"
        placeholder="按名字或标签找成员"
        maxLength={communityLimits.memberSearchMax}
        onSearch={setQ}
      />
      <MemberDirectory
        q={q}
        members={members}
        canRemove={(member) => canRemoveMember(community.myRole, member.role)}
        onRemove={moderator ? setRemoving : undefined}
      />
      {removing && (
        <RemoveMemberDialog
          communityId={community.id}
          member={removing}
          onCancel={() => setRemoving(null)}
          onRemoved={() => {
            setRemoving(null);
            void members.reload();
            void blocked.reload();
          }}
        />
      )}
      <View className="section-title">导出</View>
      <View className="button-row">
        <ExportButton
          className="export-members"
          label="导出成员名单（含标签）"
          path={membersExportPath(community.id)}
          fileName={exportFileName('members', community.name)}
          onExported={() => setExports((count) => count + 1)}
        />
      </View>
      <View className="section-title">导出记录</View>
      <ExportHistory history={history} />
      {moderator && (
        <>
          <View className="section-title">已禁止加入</View>
          <BlockedUsers communityId={community.id} blocked={blocked} />
        </>
      )}
    </>
  );
}

export default function MembersPage() {
  return (
    <View className="page members-page">
      <SignInGate>
        <Members />
      </SignInGate>
    </View>
  );
}
