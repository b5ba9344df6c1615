import { Text } from '@tarojs/components';
import { useRef, useState } from 'react';

/**
 * Why a form's submit button is disabled, shown just above it. Before the member has typed
 * anything, what the form needs, in grey: an empty form is not wrong. After, what is wrong, in
 * red. Nothing once the form can be sent.
 */
export function FormReason({
  problem,
  touched,
  needs,
}: {
  problem: string | null;
  touched: boolean;
  needs: string;
}) {
  if (!problem) return null;
  return touched ? (
    <Text className="form__problem">{problem}</Text>
  ) : (
    <Text className="hint form__needs">{needs}</Text>
  );
}

/** Whether the member has changed any of these values since the form opened; it stays true once they have. */
export function useTouched(values: readonly unknown[]): boolean {
  const current = JSON.stringify(values);
  const [initial] = useState(current);
  const touched = useRef(false);
  if (current !== initial) touched.current = true;
  return touched.current;
}
