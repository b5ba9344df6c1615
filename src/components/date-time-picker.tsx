import { Picker, Text, View } from '@tarojs/components';
import { userTimeRange } from '@/domain/user-time';
import { appTimeZone, dayjs } from '@/lib/dayjs';
import { FieldCell } from './field-cell';
import './cell.scss';

interface DateTimePickerProps {
  label: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** `HH:mm`, China time. */
  time: string;
  onDateChange: (date: string) => void;
  onTimeChange: (time: string) => void;
  /** The first day offered, when later than the rule's (a start must be ahead of now). */
  earliest?: Date;
  /** Names the field for styling and tests, e.g. `field--publish-at`. */
  className?: string;
}

const chinaDay = (instant: Date) => dayjs(instant).tz(appTimeZone).format('YYYY-MM-DD');

/**
 * A day and a time of day, chosen with WeChat's own pickers rather than typed. The days offered are
 * those the server accepts (`src/domain/user-time.ts`: within a year of today).
 */
export function DateTimePicker({
  label,
  date,
  time,
  onDateChange,
  onTimeChange,
  earliest,
  className,
}: DateTimePickerProps) {
  const range = userTimeRange(new Date());
  const first = earliest && earliest > range.earliest ? earliest : range.earliest;
  return (
    <FieldCell label={label} className={className}>
      <View className="choice-row">
        <Picker
          mode="date"
          value={date}
          start={chinaDay(first)}
          end={chinaDay(range.latest)}
          onChange={(event) => onDateChange(String(event.detail.value))}
        >
          <Text className="choice date-time-picker__date">{date}</Text>
        </Picker>
        <Picker mode="time" value={time} onChange={(event) => onTimeChange(String(event.detail.value))}>
          <Text className="choice date-time-picker__time">{time}</Text>
        </Picker>
      </View>
    </FieldCell>
  );
}
