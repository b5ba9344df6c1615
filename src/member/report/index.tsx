import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { type ReportTargetKind, reportTargetKinds } from '@/domain/moderation';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { ReportForm } from '@/features/moderation/components/report-form';

const isTargetKind = (value: string | undefined): value is ReportTargetKind =>
  reportTargetKinds.some((kind) => kind === value);

/** 举报 opened from a tab page (ReportLink): the form, then back to where the member was. */
function ReportContent() {
  const { params } = useRouter();
  const { communityId, targetKind, targetId, authorId } = params;
  if (!communityId || !targetId || !isTargetKind(targetKind)) {
    return (
      <View className="card empty">
        <Text className="hint">找不到要举报的内容，请返回后再试。</Text>
      </View>
    );
  }
  return (
    <ReportForm
      communityId={communityId}
      target={{ targetKind, targetId, authorId }}
      onDone={() => Taro.navigateBack()}
      onCancel={() => Taro.navigateBack()}
    />
  );
}

export default function ReportPage() {
  return (
    <View className="page">
      <SignInGate>
        <ReportContent />
      </SignInGate>
    </View>
  );
}
