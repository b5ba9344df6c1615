import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { TipDetail } from '@/features/tips/components/tip-detail';
import Taro, { taroTest } from '../shims/taro';
import { signInForTest } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';
import { tipDetail } from '../support/tip-card';

beforeEach(() => {
  taroTest.reset();
  signInForTest();
});

const tip = tipDetail(1, {
  title: '猕猴桃去皮',
  body: '切掉尾巴，用勺子转一圈',
  minutes: 2,
  author: { id: 'u2', nickname: '王小雪' },
  publishedAt: new Date().toISOString(),
  likeCount: 3,
  saveCount: 1,
  tryCount: 0,
  steps: ['切掉两头', '勺子插进去'],
});

test('shows numbered steps and counts; 我试过了 sends the note and shows the new count', async () => {
  mockApi({
    'PUT /api/tips/t1/try': (call) => ({
      body: {
        ...tip,
        tryCount: 1,
        myTry: { note: (call.data as { note: string }).note, updatedAt: new Date().toISOString() },
      },
    }),
  });
  const onChange = jest.fn();
  const onTagTap = jest.fn();
  render(<TipDetail tip={tip} onChange={onChange} onTagTap={onTagTap} />);
  expect(screen.getByText('切掉两头')).toBeTruthy();
  expect(screen.getByText('点赞 3')).toBeTruthy();
  expect(screen.getByText('0人试过')).toBeTruthy();
  fireEvent.click(screen.getByText('#烘焙'));
  expect(onTagTap).toHaveBeenCalledWith('烘焙');

  fireEvent.input(document.querySelector('.field--note textarea')!, { target: { value: '一下就挖出来了' } });
  fireEvent.click(screen.getByText('我试过了'));
  await waitFor(() => expect(onChange).toHaveBeenCalled());
  expect(requestCalls()[0]!.data).toEqual({ note: '一下就挖出来了' });
  expect(onChange.mock.calls[0][0]).toMatchObject({ tryCount: 1, myTry: { note: '一下就挖出来了' } });
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '已记录', icon: 'success' });
});

test('撤回 beside 更新心得 asks first; once confirmed, my try and its note are taken back', async () => {
  const tried = { ...tip, tryCount: 1, myTry: { note: '好用', updatedAt: new Date().toISOString() } };
  mockApi({ 'DELETE /api/tips/t1/try': { body: { ...tip, tryCount: 0, myTry: null } } });
  const onChange = jest.fn();
  render(<TipDetail tip={tried} onChange={onChange} onTagTap={() => {}} />);
  Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
  fireEvent.click(screen.getByText('撤回'));
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
  expect(requestCalls()).toHaveLength(0);

  fireEvent.click(screen.getByText('撤回'));
  await waitFor(() => expect(onChange).toHaveBeenCalled());
  expect(Taro.showModal).toHaveBeenLastCalledWith({
    title: '撤回「我试过了」？',
    content: '你的心得会一起删掉。',
  });
  expect(onChange.mock.calls[0][0]).toMatchObject({ tryCount: 0, myTry: null });
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '已撤回', icon: 'success' });
});
