import { Picker, Text, View } from '@tarojs/components';

interface DateTimePickerProps {
  label: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** `HH:mm`, China time. */
  time: string;
  onDateChange: (date: string) => void;
  onTimeChange: (time: string) => void;
  /** Names the field for styling and tests, e.g. `field--publish-at`. */
  className?: string;
}

/** A day and a time of day, chosen with WeChat's own pickers rather than typed. */
export function DateTimePicker({
  label,
  date,
  time,
  onDateChange,
  onTimeChange,
  className,
}: DateTimePickerProps) {
  return (
    <View className={`field ${className ?? ''}`}>
      <Text className="label">{label}</Text>
      <View className="choice-row">
        <Picker mode="date" value={date} onChange={(event) => onDateChange(String(event.detail.value))}>
          <Text className="choice date-time-picker__date">{date}</Text>
        </Picker>
        <Picker mode="time" value={time} onChange={(event) => onTimeChange(String(event.detail.value))}>
          <Text className="choice date-time-picker__time">{time}</Text>
        </Picker>
      </View>
    </View>
  );
}
