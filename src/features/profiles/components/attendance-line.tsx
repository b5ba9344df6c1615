import { Text, View } from '@tarojs/components';
import { attendanceRecordDetail, attendanceRecordText } from '@/domain/attendance-record';
import type { AttendanceRecordView } from '@/domain/contract/sessions';
import { gentleRuleStandingText } from '@/domain/gentle-rule';
import { formatChinaTime } from '@/lib/china-time';

/**
 * 最近 5 次：到场 4 次 · 未到 1 次: counted only where the host opened check-in. While the community
 * has the gentle rule on, whether it applies now and what clears it.
 */
export function AttendanceLine({ record }: { record: AttendanceRecordView }) {
  const detail = attendanceRecordDetail(record);
  const standing = record.gentleRule;
  return (
    <View className="attendance-line">
      <Text className="attendance-line__text">{attendanceRecordText(record)}</Text>
      {detail && <Text className="hint attendance-line__detail">{` · ${detail}`}</Text>}
      {standing && (
        <View className="attendance-line__gentle-rule">
          <Text className="hint">
            {gentleRuleStandingText(
              standing,
              standing.clearsBy ? formatChinaTime(standing.clearsBy, 'M月D日') : null,
            )}
          </Text>
        </View>
      )}
    </View>
  );
}
