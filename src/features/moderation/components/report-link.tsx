import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { reportPath } from '@/domain/page-paths';
import './report-button.scss';
import type { ReportTarget } from './report-form';

/**
 * 举报 on a tab page: the same quiet text button as ReportButton, opening the form on the 举报 page
 * of member/, so the form and its rules stay out of the main package WeChat downloads first.
 */
export function ReportLink({
  communityId,
  target,
  className,
}: {
  communityId: string;
  target: ReportTarget;
  className?: string;
}) {
  return (
    <Text
      className={`report-button ${className ?? ''}`}
      onClick={() => Taro.navigateTo({ url: reportPath(communityId, target) })}
    >
      举报
    </Text>
  );
}
