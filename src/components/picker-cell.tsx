import { Picker, Text, View } from '@tarojs/components';
import { FieldCell } from './field-cell';
import './cell.scss';

interface PickerCellProps {
  label: string;
  /** What the member picks from, as shown. */
  options: string[];
  /** The index of the picked one. */
  value: number;
  onChange: (index: number) => void;
  /** Names the cell for styling and tests; the shown value is `<className>__value`. */
  className: string;
}

/** WeUI's select cell: the picked value and a chevron under the label; a tap opens WeChat's picker. */
export function PickerCell({ label, options, value, onChange, className }: PickerCellProps) {
  return (
    <FieldCell label={label} className={className}>
      <Picker
        mode="selector"
        range={options}
        value={value}
        onChange={(event) => onChange(Number(event.detail.value))}
      >
        <View className="picker-cell__row">
          <Text className={`cell__label ${className}__value`}>{options[value]}</Text>
          <Text className="cell__arrow">›</Text>
        </View>
      </Picker>
    </FieldCell>
  );
}
