/**
 * @tarojs/components as plain DOM elements for jsdom. Taro passes input values as
 * `event.detail.value`; these shims do the same so components run unchanged.
 */
import type { ReactNode } from 'react';

interface BaseProps {
  id?: string;
  className?: string;
  children?: ReactNode;
  onClick?: () => void;
  style?: React.CSSProperties;
  'aria-busy'?: 'true' | 'false';
}

type ValueEvent = { detail: { value: string } };

interface FieldProps {
  className?: string;
  value?: string;
  placeholder?: string;
  maxlength?: number;
  type?: string;
  disabled?: boolean;
  onInput?: (event: ValueEvent) => void;
  onConfirm?: (event: ValueEvent) => void;
  autoHeight?: boolean;
}

export function View({ id, className, children, onClick, style, ...rest }: BaseProps) {
  return (
    <div id={id} className={className} onClick={onClick} style={style} aria-busy={rest['aria-busy']}>
      {children}
    </div>
  );
}

export function Text({ className, children, onClick }: BaseProps) {
  return (
    <span className={className} onClick={onClick}>
      {children}
    </span>
  );
}

export function Button({
  className,
  children,
  onClick,
  disabled,
  loading,
}: BaseProps & { disabled?: boolean; loading?: boolean; size?: string; type?: string }) {
  return (
    <button
      type="button"
      className={className}
      disabled={disabled}
      aria-busy={loading ? 'true' : undefined}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

function valueEvent(value: string): ValueEvent {
  return { detail: { value } };
}

export function Input({
  className,
  value,
  placeholder,
  maxlength,
  type,
  disabled,
  onInput,
  onConfirm,
}: FieldProps) {
  return (
    <input
      className={className}
      value={value ?? ''}
      placeholder={placeholder}
      maxLength={maxlength !== undefined && maxlength >= 0 ? maxlength : undefined}
      type={type === 'number' || type === 'digit' ? 'text' : type}
      disabled={disabled}
      onChange={(event) => onInput?.(valueEvent(event.target.value))}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onConfirm?.(valueEvent(event.currentTarget.value));
      }}
    />
  );
}

export function Textarea({ className, value, placeholder, maxlength, disabled, onInput }: FieldProps) {
  return (
    <textarea
      className={className}
      value={value ?? ''}
      placeholder={placeholder}
      maxLength={maxlength !== undefined && maxlength >= 0 ? maxlength : undefined}
      disabled={disabled}
      onChange={(event) => onInput?.(valueEvent(event.target.value))}
    />
  );
}

export function Image({ className, src }: { className?: string; src: string; mode?: string }) {
  return <img className={className} src={src} alt="" />;
}

export function ScrollView({ className, children }: BaseProps & { scrollY?: boolean; scrollX?: boolean }) {
  return <div className={className}>{children}</div>;
}

export function Navigator({ className, children, url }: BaseProps & { url: string }) {
  return (
    <a className={className} href={url}>
      {children}
    </a>
  );
}

export function Switch({
  className,
  checked,
  disabled,
  onChange,
}: {
  className?: string;
  checked?: boolean;
  disabled?: boolean;
  color?: string;
  onChange?: (event: { detail: { value: boolean } }) => void;
}) {
  return (
    <input
      type="checkbox"
      role="switch"
      className={className}
      checked={!!checked}
      disabled={disabled}
      onChange={(event) => onChange?.({ detail: { value: event.target.checked } })}
    />
  );
}

/** WeChat's picker: its children open it; tests set the picked value through the input it carries. */
export function Picker({
  mode,
  value,
  start,
  end,
  children,
  onChange,
}: {
  mode: string;
  value?: string | number;
  /** A date picker's first and last day, `YYYY-MM-DD`. */
  start?: string;
  end?: string;
  children?: ReactNode;
  onChange?: (event: { detail: { value: string } }) => void;
  range?: unknown[];
  rangeKey?: string;
}) {
  return (
    <div className={`picker picker--${mode}`} data-start={start} data-end={end}>
      {children}
      <input
        aria-label={`picker-${mode}`}
        value={String(value ?? '')}
        onChange={(event) => onChange?.({ detail: { value: event.target.value } })}
      />
    </div>
  );
}
