import { Button } from '@tarojs/components';
import type { ReactNode } from 'react';

interface ActionButtonProps {
  variant?: 'primary' | 'default' | 'warn' | 'mini';
  /** Names the button for styling and tests, e.g. `logout`. */
  className?: string;
  disabled?: boolean;
  loading?: boolean;
  /** `share`: in WeChat, the tap also opens the share sheet with the page's share card. */
  openType?: 'share';
  onClick?: () => void;
  children: ReactNode;
}

/**
 * Taro's Button in our WeUI look. It never passes `false` down: in H5, `disabled={false}`
 * still renders `disabled="false"`, which Taro's own `[disabled]` style greys out (white
 * text on a white button), so the disabled state is a class as well as the prop.
 */
export function ActionButton({
  variant = 'default',
  className,
  disabled,
  loading,
  openType,
  onClick,
  children,
}: ActionButtonProps) {
  const classes = ['button', `button--${variant}`, disabled ? 'is-disabled' : '', className ?? ''];
  return (
    <Button
      className={classes.filter(Boolean).join(' ')}
      size={variant === 'mini' ? 'mini' : undefined}
      disabled={disabled || undefined}
      loading={loading || undefined}
      openType={openType}
      onClick={onClick}
    >
      {children}
    </Button>
  );
}
