import { Text, View } from '@tarojs/components';
import { LinkCell } from '@/components/link-cell';
import { myDataFileName } from '@/domain/account';
import { pagePaths } from '@/domain/page-paths';
import { myDataPath } from '@/features/account/api/close-account';
import { CloseAccountSection } from '@/features/account/components/close-account-section';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { ExportButton } from '@/features/exports/components/export-button';

/** 账号与隐私 (from 我的): the privacy guide, my data as a file, and closing the account. */
export default function AccountPage() {
  return (
    <View className="page">
      <View className="card list">
        <LinkCell label="隐私保护指引" className="privacy-guide-entry" url={pagePaths.privacyGuide} />
      </View>
      <SignInGate>
        <View className="section-title">我的数据</View>
        <View className="card">
          <Text className="hint">
            你在群友圈的账号、各社群的资料与标签、报名与签到、发布的技巧、收藏与心得、推广申请、举报、消息与订阅授权，整理成一个表格文件。
          </Text>
        </View>
        <ExportButton
          path={myDataPath}
          fileName={myDataFileName}
          label="下载我的数据"
          className="my-data-download"
        />
        <CloseAccountSection />
      </SignInGate>
    </View>
  );
}
