import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { LoadError } from '@/components/load-error';
import { SkeletonCard } from '@/components/skeleton-card';
import type { InboxMessageView, InboxPage } from '@/domain/contract/notifications';
import { type NoticeKind, noticeKindLabels } from '@/domain/notices';
import { formatRelative } from '@/lib/china-time';
import { showErrorToast } from '@/lib/show-error-toast';
import { useQuery } from '@/lib/use-query';
import { getInbox } from '../api/get-inbox';
import { markAllRead } from '../api/mark-all-read';
import { markRead } from '../api/mark-read';
import { openNoticeLink } from '../open-notice-link';
import '../inbox.scss';

function kindLabel(kind: string): string {
  return noticeKindLabels[kind as NoticeKind] ?? '通知';
}

/** 我的 → 消息: every notice of my communities, newest first; tapping one marks it read and opens it. */
export function InboxList() {
  const firstPage = useQuery('inbox', () => getInbox());
  // Later pages, and what was read here since the first page loaded (no refetch needed).
  const [morePages, setMorePages] = useState<InboxPage[]>([]);
  const [readIds, setReadIds] = useState<Set<string>>(new Set());
  const [unreadOverride, setUnreadOverride] = useState<number | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  async function refresh() {
    await firstPage.reload();
    setMorePages([]);
    setReadIds(new Set());
    setUnreadOverride(null);
  }

  useDidShow(() => {
    if (firstPage.data) void refresh();
  });
  usePullDownRefresh(async () => {
    await refresh();
    Taro.stopPullDownRefresh();
  });

  if (firstPage.error) return <LoadError error={firstPage.error} onRetry={firstPage.reload} />;
  if (!firstPage.data) return <SkeletonCard lines={4} />;

  const pages = [firstPage.data, ...morePages];
  const messages = pages.flatMap((page) => page.items);
  const nextCursor = pages.at(-1)?.nextCursor ?? null;
  const unreadCount = unreadOverride ?? firstPage.data.unreadCount;
  const isRead = (message: InboxMessageView) => message.read || readIds.has(message.id);

  async function open(message: InboxMessageView) {
    if (!isRead(message)) {
      setReadIds((ids) => new Set(ids).add(message.id));
      try {
        setUnreadOverride((await markRead(message.id)).unreadCount);
      } catch {
        // Opening the message matters more than its read mark; the next refresh shows it again.
      }
    }
    await openNoticeLink(message.link, message.communityId);
  }

  async function readAll() {
    try {
      const result = await markAllRead();
      setReadIds(new Set(messages.map((message) => message.id)));
      setUnreadOverride(result.unreadCount);
      Taro.showToast({ title: '已全部标为已读', icon: 'none' });
    } catch (error) {
      showErrorToast(error);
    }
  }

  async function loadMore() {
    if (!nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await getInbox(nextCursor);
      setMorePages((loaded) => [...loaded, page]);
    } catch (error) {
      showErrorToast(error);
    } finally {
      setLoadingMore(false);
    }
  }

  if (messages.length === 0) {
    return (
      <View className="card inbox-empty">
        <Text className="inbox-empty__title">还没有消息</Text>
        <Text className="hint">报名活动、申请推广或分享技巧后，提醒和审核结果会出现在这里。</Text>
      </View>
    );
  }

  return (
    <>
      <View className="inbox-toolbar">
        <Text className="inbox-unread-count">{unreadCount > 0 ? `${unreadCount} 条未读` : '全部已读'}</Text>
        {unreadCount > 0 && (
          <ActionButton variant="mini" className="inbox-read-all" onClick={readAll}>
            全部已读
          </ActionButton>
        )}
      </View>
      <View className="card list inbox-list">
        {messages.map((message) => (
          <View
            key={message.id}
            className={`list-item inbox-message${isRead(message) ? '' : ' inbox-message--unread'}`}
            onClick={() => open(message)}
          >
            {!isRead(message) && <View className="inbox-message__dot" aria-label="未读" />}
            <View className="inbox-message__main">
              <View className="inbox-message__head">
                <Text className="role-tag inbox-message__kind">{kindLabel(message.kind)}</Text>
                <Text className="inbox-message__community">{message.communityName}</Text>
                <Text className="inbox-message__time">{formatRelative(message.createdAt)}</Text>
              </View>
              <Text className="inbox-message__title">{message.title}</Text>
              <Text className="inbox-message__body">{message.body}</Text>
            </View>
          </View>
        ))}
      </View>
      {nextCursor && (
        <ActionButton
          className="inbox-load-more"
          loading={loadingMore}
          disabled={loadingMore}
          onClick={loadMore}
        >
          加载更多
        </ActionButton>
      )}
    </>
  );
}
