import { fireEvent, render, screen } from '@testing-library/react';
import { TipReviewList } from '@/features/tips/components/tip-review-list';
import Taro, { taroTest } from '../shims/taro';
import { signInForTest } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';
import { tipCard } from '../support/tip-card';

beforeEach(() => {
  taroTest.reset();
  signInForTest();
});

test('发布 names the version on screen; when the suggestion was edited meanwhile, the new version is shown', async () => {
  let suggestion = tipCard(1, { title: '奶油裱花的小窍门', status: 'suggested', version: 1 });
  mockApi({
    'GET /api/communities/c1/tips/manage?status=suggested': () => ({ body: [suggestion] }),
    'POST /api/tips/t1/publish': () => {
      suggestion = { ...suggestion, title: '奶油裱花：三个小窍门', version: 2 };
      return {
        status: 409,
        body: { code: 'TIP_CHANGED', message: '这条技巧刚刚被修改过，请查看最新内容后再决定' },
      };
    },
  });
  render(<TipReviewList communityId="c1" canReview isTeam onOpen={() => {}} />);
  await screen.findByText('奶油裱花的小窍门');

  fireEvent.click(screen.getByText('发布'));
  await screen.findByText('奶油裱花：三个小窍门');
  expect(requestCalls().find((call) => call.url.endsWith('/publish'))?.data).toEqual({ version: 1 });
  expect(Taro.showToast).toHaveBeenCalledWith(
    expect.objectContaining({ title: '这条技巧刚刚被修改过，请查看最新内容后再决定' }),
  );
});

test('确认不采用 waits for a reason, and says so', async () => {
  mockApi({
    'GET /api/communities/c1/tips/manage?status=suggested': {
      body: [tipCard(1, { title: '奶油裱花的小窍门', status: 'suggested' })],
    },
  });
  render(<TipReviewList communityId="c1" canReview isTeam onOpen={() => {}} />);
  await screen.findByText('奶油裱花的小窍门');
  fireEvent.click(screen.getByText('不采用'));
  expect((screen.getByText('确认不采用') as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByText('请写下不采用的原因')).toBeTruthy();
  fireEvent.input(document.querySelector('.field--decline-reason textarea')!, {
    target: { value: '和上周的技巧重复了' },
  });
  expect((screen.getByText('确认不采用') as HTMLButtonElement).disabled).toBe(false);
  expect(screen.queryByText('请写下不采用的原因')).toBeNull();
});
