import { act, renderHook } from '@testing-library/react';
import { ApiError } from '@/lib/api-error';
import { useSubmit } from '@/lib/use-submit';
import Taro, { taroTest } from '../shims/taro';

beforeEach(() => {
  taroTest.reset();
});

/** A write the test finishes by hand. */
function pendingWrite<T>() {
  let finish!: (value: T) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { promise, finish, fail };
}

test('is busy while the write runs and resolves to its result', async () => {
  const { result } = renderHook(() => useSubmit());
  const write = pendingWrite<string>();
  expect(result.current.busy).toBe(false);

  let outcome!: Promise<string | undefined>;
  act(() => {
    outcome = result.current.run(() => write.promise);
  });
  expect(result.current.busy).toBe(true);

  await act(async () => write.finish('saved'));
  await expect(outcome).resolves.toBe('saved');
  expect(result.current.busy).toBe(false);
  expect(Taro.showToast).not.toHaveBeenCalled();
});

test('a second tap while a write runs, even in the same tick, starts nothing', async () => {
  const { result } = renderHook(() => useSubmit());
  const write = pendingWrite<string>();
  const first = jest.fn(() => write.promise);
  const second = jest.fn(async () => 'again');

  let outcomes!: Promise<unknown>[];
  act(() => {
    // Both taps see the same render, where busy is still false.
    outcomes = [result.current.run(first), result.current.run(second)];
  });
  await expect(outcomes[1]).resolves.toBeUndefined();
  await act(async () => write.finish('saved'));
  await expect(outcomes[0]).resolves.toBe('saved');
  expect(first).toHaveBeenCalledTimes(1);
  expect(second).not.toHaveBeenCalled();

  // Once it has finished, the next write starts.
  await act(async () => {
    await expect(result.current.run(second)).resolves.toBe('again');
  });
  expect(second).toHaveBeenCalledTimes(1);
});

test('a failed write shows the server message, resolves undefined and frees the button', async () => {
  const { result } = renderHook(() => useSubmit());
  const onError = jest.fn();
  const failure = new ApiError('VALIDATION_FAILED', {
    status: 400,
    message: '昵称太长了',
    fields: { nickname: '昵称太长了' },
  });

  let outcome: unknown = 'not run';
  await act(async () => {
    outcome = await result.current.run(() => Promise.reject(failure), { onError });
  });

  expect(outcome).toBeUndefined();
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '昵称太长了', icon: 'none', duration: 2500 });
  expect(onError).toHaveBeenCalledWith(failure);
  expect(result.current.busy).toBe(false);
});

test('an unexpected failure shows the generic message', async () => {
  const { result } = renderHook(() => useSubmit());
  await act(async () => {
    await result.current.run(() => Promise.reject(new TypeError('x is undefined')));
  });
  expect(Taro.showToast).toHaveBeenCalledWith({
    title: '服务器开小差了，请稍后再试',
    icon: 'none',
    duration: 2500,
  });
});
