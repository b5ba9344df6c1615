import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { LoadError } from '@/components/load-error';
import { PrivacyPopup } from '@/components/privacy-popup';
import { SkeletonCard } from '@/components/skeleton-card';
import { useEnsureSignedIn } from '../hooks/use-ensure-signed-in';

/**
 * Renders its children only once someone is signed in; until then the sign-in state. Every page
 * has one, so it also carries the privacy popup (WeChat only): WeChat's privacy check comes from
 * calls the signed-in page makes.
 */
export function SignInGate({ children }: { children: ReactNode }) {
  const { status, error, retry } = useEnsureSignedIn();
  if (status === 'signed-in')
    return (
      <>
        {children}
        <PrivacyPopup />
      </>
    );
  if (status === 'failed') return <LoadError error={error} onRetry={retry} />;
  if (status === 'unavailable') {
    return (
      <View className="card">
        <Text className="hint">请在微信中打开群友圈</Text>
      </View>
    );
  }
  return <SkeletonCard />;
}
