import { Text, View } from '@tarojs/components';
import { attendanceRecordDetail, attendanceRecordText } from '@/domain/attendance-record';
import type { AttendanceRecordView } from '@/domain/contract/sessions';

/** 最近 5 次：到场 4 次 · 未到 1 次: counted only where the host opened check-in. */
export function AttendanceLine({ record }: { record: AttendanceRecordView }) {
  const detail = attendanceRecordDetail(record);
  return (
    <View className="attendance-line">
      <Text className="attendance-line__text">{attendanceRecordText(record)}</Text>
      {detail && <Text className="hint attendance-line__detail">{` · ${detail}`}</Text>}
    </View>
  );
}
