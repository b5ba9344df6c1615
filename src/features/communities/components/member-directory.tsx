import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/action-button';
import { LoadError } from '@/components/load-error';
import { LoadMore } from '@/components/load-more';
import { SkeletonCard } from '@/components/skeleton-card';
import type { MemberDirectoryEntry } from '@/domain/contract/communities';
import { memberProfilePath } from '@/domain/page-paths';
import { roleLabels } from '@/domain/roles';
import type { CursorPagesState } from '@/lib/use-cursor-pages';
import '../../../components/cell.scss';
import { tagLine } from '@/domain/tags';

/**
 * The team's member list, with roles and tags; a row opens the member's profile. With `onRemove`,
 * rows of members the viewer may remove (`canRemove`) carry a 移出 button.
 */
export function MemberDirectory({
  q,
  members,
  canRemove,
  onRemove,
}: {
  q: string;
  members: CursorPagesState<MemberDirectoryEntry>;
  canRemove?: (member: MemberDirectoryEntry) => boolean;
  onRemove?: (member: MemberDirectoryEntry) => void;
}) {
  if (members.status === 'loading') return <SkeletonCard lines={4} />;
  if (members.status === 'error') return <LoadError error={members.error} onRetry={members.reload} />;
  if (members.items.length === 0)
    return (
      <View className="card member-directory-empty">
        <Text className="hint">{q ? `没有名字或标签包含「${q}」的成员` : '还没有成员'}</Text>
      </View>
    );
  return (
    <>
      <View className="card list member-directory">
        {members.items.map((member) => (
          <View
            key={member.userId}
            className="list-item member-directory__row"
            onClick={() => Taro.navigateTo({ url: memberProfilePath(member.userId) })}
          >
            <View className="cell__label">
              <Text className="member__name member-directory__name">{member.nickname}</Text>
              {member.tags.length > 0 && (
                <Text className="hint member-directory__tags">{tagLine(member.tags)}</Text>
              )}
            </View>
            {member.role !== 'member' && <Text className="role-tag">{roleLabels[member.role]}</Text>}
            {onRemove && canRemove?.(member) && (
              // Its own tap: the row behind it opens the profile.
              <View className="member-directory__remove" onClick={(event) => event.stopPropagation()}>
                <ActionButton variant="mini" className="remove-member" onClick={() => onRemove(member)}>
                  移出
                </ActionButton>
              </View>
            )}
            <Text className="cell__arrow">›</Text>
          </View>
        ))}
      </View>
      <LoadMore list={members} className="member-directory__more" />
    </>
  );
}
