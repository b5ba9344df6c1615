import { Text, View } from '@tarojs/components';
import { ActionButton } from '@/components/action-button';
import { messageFor } from '@/domain/error-codes';
import { isApiError } from '@/lib/api-error';

/** The error state of a screen or list: what went wrong, in Chinese, and a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const message = isApiError(error) ? error.message : messageFor('INTERNAL_ERROR');
  return (
    <View className="card load-error">
      <Text className="load-error__message">{message}</Text>
      <ActionButton onClick={onRetry}>重试</ActionButton>
    </View>
  );
}
