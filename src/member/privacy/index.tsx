import { View } from '@tarojs/components';
import { PrivacyGuide } from '@/features/privacy/components/privacy-guide';

/** Readable without signing in: the guide is what a visitor reads before agreeing. */
export default function PrivacyGuidePage() {
  return (
    <View className="page">
      <PrivacyGuide />
    </View>
  );
}
