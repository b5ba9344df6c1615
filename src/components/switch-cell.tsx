import { Switch } from '@tarojs/components';
import { FieldCell } from './field-cell';

interface SwitchCellProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  /** A switch with a hard consequence (禁止再次加入) turns red, not green. */
  warn?: boolean;
  /** What the setting does, under the row. */
  hint?: string;
  /** Names the cell for styling and tests; its switch is `<className>-switch`. */
  className: string;
}

/** WeUI's switch cell: the label on the left, WeChat's green switch at the end of the row. */
export function SwitchCell({ label, checked, onChange, disabled, warn, hint, className }: SwitchCellProps) {
  return (
    <FieldCell
      label={label}
      hint={hint}
      className={`switch-cell ${className}`}
      aside={
        <Switch
          className={`${className}-switch`}
          checked={checked}
          disabled={disabled}
          color={warn ? '#fa5151' : '#07c160'}
          onChange={(event) => onChange(event.detail.value)}
        />
      }
    />
  );
}
