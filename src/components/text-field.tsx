import { Input, Text, Textarea, View } from '@tarojs/components';
import { textLength } from '@/domain/community-rules';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shows a live "n/max" count and stops typing at max. */
  max?: number;
  placeholder?: string;
  multiline?: boolean;
  type?: 'text' | 'number';
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
  type,
  hint,
  className,
}: TextFieldProps) {
  const length = textLength(value);
  const over = max !== undefined && length > max;
  const onInput = (event: { detail: { value: string } }) => onChange(event.detail.value);
  return (
    <View className={`field ${className ?? ''}`}>
      <View className="field__head">
        <Text className="field__label">{label}</Text>
        {max !== undefined && (
          <Text className={`field__count ${over ? 'field__count--over' : ''}`}>
            {length}/{max}
          </Text>
        )}
      </View>
      {multiline ? (
        <Textarea
          className="field__textarea"
          value={value}
          placeholder={placeholder}
          maxlength={max ?? -1}
          autoHeight
          onInput={onInput}
        />
      ) : (
        <Input
          className="field__input"
          value={value}
          type={type ?? 'text'}
          placeholder={placeholder}
          maxlength={max ?? 140}
          onInput={onInput}
        />
      )}
      {hint && <Text className="field__hint">{hint}</Text>}
    </View>
  );
}
