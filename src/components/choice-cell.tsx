import { Text, View } from '@tarojs/components';
import { FieldCell } from './field-cell';
import './cell.scss';

interface ChoiceCellProps<T> {
  label: string;
  options: ReadonlyArray<readonly [T, string]>;
  value: T;
  onChange: (value: T) => void;
  hint?: string;
  /** Names the cell for styling and tests, e.g. `session-form__mode`. */
  className?: string;
}

/** A cell whose value is one of a few, each a chip under the label; the chosen one is green. */
export function ChoiceCell<T>({ label, options, value, onChange, hint, className }: ChoiceCellProps<T>) {
  return (
    <FieldCell label={label} hint={hint} className={className}>
      <View className="choice-row">
        {options.map(([option, text]) => (
          <Text
            key={text}
            className={`choice ${option === value ? 'is-selected' : ''}`}
            onClick={() => onChange(option)}
          >
            {text}
          </Text>
        ))}
      </View>
    </FieldCell>
  );
}
