import { Input, Text, Textarea } from '@tarojs/components';
import { textLength } from '@/domain/community-rules';
import { type TextKind, textProblem } from '@/domain/text';
import { FieldCell } from './field-cell';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shows a live "n/max" count, and what is over the limit: nothing typed or pasted is cut silently. */
  max?: number;
  placeholder?: string;
  multiline?: boolean;
  /** What the text rule expects here (default: multi-line for a multiline field, else single-line). */
  kind?: TextKind;
  /** `nickname`: WeChat offers the member's own nickname above the keyboard. */
  type?: 'text' | 'number' | 'nickname';
  hint?: string;
  /** Names the field for styling and tests, e.g. `field--goal`. */
  className?: string;
}

export function TextField({
  label,
  value,
  onChange,
  max,
  placeholder,
  multiline,
  kind,
  type,
  hint,
  className,
}: TextFieldProps) {
  const length = textLength(value);
  const over = max !== undefined && length > max;
  // The server's own rule, shown as the member types: invisible-only text, direction controls...
  const problem = over
    ? `超出 ${length - max} 个字，最多 ${max} 个字`
    : textProblem(value.trim(), kind ?? (multiline ? 'multi-line' : 'single-line'));
  const onInput = (event: { detail: { value: string } }) => onChange(event.detail.value);
  return (
    <FieldCell
      label={label}
      className={className}
      problem={problem}
      hint={hint}
      aside={
        max !== undefined && (
          <Text className={`field__count ${over ? 'field__count--over' : ''}`}>
            {length}/{max}
          </Text>
        )
      }
    >
      {multiline ? (
        <Textarea
          className="field__textarea"
          value={value}
          placeholder={placeholder}
          maxlength={-1}
          autoHeight
          onInput={onInput}
        />
      ) : (
        <Input
          className="field__input"
          value={value}
          type={type ?? 'text'}
          placeholder={placeholder}
          // WeChat's default cuts at 140 characters without a word.
          maxlength={-1}
          onInput={onInput}
          // A nickname picked from WeChat's offer arrives with no input event, only on blur.
          onBlur={type === 'nickname' ? onInput : undefined}
        />
      )}
    </FieldCell>
  );
}
