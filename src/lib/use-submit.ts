import { useCallback, useRef, useState } from 'react';
import { showErrorToast } from './show-error-toast';

interface RunOptions {
  /** After the error toast: what else a failure changes (a form's field problems, a queue to reload). */
  onError?: (error: unknown) => void;
}

/**
 * One write at a time for a form or a button. `run(action)` refuses to start while another
 * runs (the ref also catches a double tap within one render), resolves to the action's result,
 * or to undefined when it was refused or failed, the failure shown as the error toast.
 */
export function useSubmit() {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async <T>(action: () => Promise<T>, options?: RunOptions): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(true);
      try {
        return await action();
      } catch (error) {
        showErrorToast(error);
        options?.onError?.(error);
        return undefined;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [],
  );

  return { busy, run };
}
