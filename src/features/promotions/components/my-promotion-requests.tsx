import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/action-button';
import type { PromotionRequestView } from '@/domain/contract/promotions';
import { showErrorToast } from '@/lib/show-error-toast';
import { withdrawPromotionRequest } from '../api/withdraw-promotion-request';
import { PromotionCard } from './promotion-card';

/** My requests with their status (待审核 / 已通过 / 未通过 + reason); pending ones can be edited or withdrawn. */
export function MyPromotionRequests({
  requests,
  onEdit,
  onChanged,
}: {
  requests: PromotionRequestView[];
  onEdit: (request: PromotionRequestView) => void;
  onChanged: () => void;
}) {
  if (requests.length === 0) {
    return (
      <View className="card empty">
        <Text className="hint">你还没有推广申请。选一个时段，填写推广申请即可。</Text>
      </View>
    );
  }

  async function withdraw(request: PromotionRequestView) {
    const { confirm } = await Taro.showModal({ title: '撤回申请', content: `撤回「${request.title}」？` });
    if (!confirm) return;
    try {
      await withdrawPromotionRequest(request.id);
      Taro.showToast({ title: '已撤回', icon: 'success' });
      onChanged();
    } catch (error) {
      showErrorToast(error);
    }
  }

  return (
    <View className="my-promotion-requests">
      {requests.map((request) => (
        <View key={request.id} className="my-promotion-request">
          <PromotionCard promotion={request} showStatus />
          {request.status === 'pending' && (
            <View className="button-row">
              <ActionButton variant="mini" onClick={() => onEdit(request)}>
                修改
              </ActionButton>
              <ActionButton variant="mini" onClick={() => withdraw(request)}>
                撤回
              </ActionButton>
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
