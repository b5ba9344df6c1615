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
