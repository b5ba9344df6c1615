import { Text, View } from '@tarojs/components';
import { useLoginSession } from '@/lib/login-session';
import { showErrorToast } from '@/lib/show-error-toast';
import { refreshMe } from '../api/get-me';
import { WithdrawJoinRequestButton } from './withdraw-join-request-button';
import './joining.scss';

/** My requests still waiting for a team, and those declined this week with the team's reason. */
export function MyJoinRequests() {
  const joinRequests = useLoginSession((state) => state.joinRequests) ?? [];
  const shown = joinRequests.filter(
    (request) => request.status === 'pending' || request.status === 'declined',
  );
  if (shown.length === 0) return null;

  function reload() {
    refreshMe().catch(showErrorToast);
  }

  return (
    <View className="card my-join-requests">
      <Text className="label">我的入群申请</Text>
      {shown.map((request) => (
        <View key={request.id} className={`my-join-request my-join-request--${request.status}`}>
          <View className="my-join-request__head">
            <Text className="my-join-request__name">{request.communityName}</Text>
            {request.status === 'pending' ? (
              <>
                <Text className="join-status join-status--pending">待审核</Text>
                <WithdrawJoinRequestButton requestId={request.id} onWithdrawn={reload} />
              </>
            ) : (
              <Text className="join-status join-status--declined">未通过</Text>
            )}
          </View>
          {request.status === 'declined' && request.reason && (
            <Text className="my-join-request__reason">{`原因：${request.reason}`}</Text>
          )}
        </View>
      ))}
    </View>
  );
}
