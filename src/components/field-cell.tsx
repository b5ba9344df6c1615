import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

interface FieldCellProps {
  label: string;
  /** Beside the label, at the end of the row: a count, a switch. */
  aside?: ReactNode;
  /** What is wrong with the value, in red. */
  problem?: string | null;
  hint?: string;
  /** Names the cell for styling and tests, e.g. `field--goal`. */
  className?: string;
  children?: ReactNode;
}

/**
 * One cell of a form card, WeUI's way: its label (with a count or a switch beside it), the field
 * under it, then what is wrong and a hint. Every editor's fields are these cells.
 */
export function FieldCell({ label, aside, problem, hint, className, children }: FieldCellProps) {
  return (
    <View className={`field ${className ?? ''}`}>
      <View className="field__head">
        <Text className="field__label">{label}</Text>
        {aside}
      </View>
      {children}
      {problem && <Text className="field__problem">{problem}</Text>}
      {hint && <Text className="field__hint">{hint}</Text>}
    </View>
  );
}
