import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import EditProfilePage from '@/member/profile/edit';
import { taroTest } from '../shims/taro';
import { membership, signInForTest } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

const profile = {
  userId: 'u1',
  nickname: '小林',
  avatarUrl: null,
  bio: '爱烘焙',
  tags: ['烘焙'],
  role: 'member',
  joinedAt: '2026-11-01T08:00:00.000Z',
  hiddenFromSimilar: false,
};

beforeEach(() => {
  taroTest.reset();
  signInForTest({ currentCommunityId: 'c1', memberships: [membership('c1', '早起读书会', 'member')] });
  mockApi({
    'GET /api/communities/c1/members/me': { body: profile },
    'GET /api/communities/c1/suggested-tags': { body: [] },
    'PATCH /api/communities/c1/members/me': (call) => ({
      body: { ...profile, ...(call.data as object) },
    }),
  });
});

const saveButton = () => document.querySelector('.save-profile') as HTMLButtonElement;
const nickname = () => document.querySelector('.field--nickname input') as HTMLInputElement;

test('编辑资料 says why 保存 waits, counts a long nickname without cutting it, and sends only what changed', async () => {
  render(<EditProfilePage />);
  await screen.findByText('2/20');
  expect(saveButton().disabled).toBe(true);
  expect(screen.getByText('改动后即可保存')).toBeTruthy();

  const long = '一二三四五六七八九十一二三四五六七八九十多';
  fireEvent.change(nickname(), { target: { value: long } });
  expect(nickname().value).toBe(long);
  expect(screen.getByText('21/20')).toBeTruthy();
  expect(screen.getByText('超出 1 个字，最多 20 个字')).toBeTruthy();
  expect(screen.getByText('昵称最多 20 个字')).toBeTruthy();
  expect(saveButton().disabled).toBe(true);

  fireEvent.change(nickname(), { target: { value: '' } });
  expect(screen.getByText('请填写昵称')).toBeTruthy();

  fireEvent.change(nickname(), { target: { value: '林小厨' } });
  expect(saveButton().disabled).toBe(false);
  fireEvent.click(saveButton());
  await waitFor(() =>
    expect(requestCalls().find((c) => c.method === 'PATCH')?.data).toEqual({ nickname: '林小厨' }),
  );
});

test('the 和我相似的人 switch is a cell of its own, saved with the form', async () => {
  render(<EditProfilePage />);
  const toggle = (await waitFor(() => {
    const found = document.querySelector('.hidden-from-similar-switch');
    if (!found) throw new Error('no switch yet');
    return found;
  })) as HTMLInputElement;
  expect(screen.getByText('不出现在「和我相似的人」里')).toBeTruthy();
  fireEvent.click(toggle);
  fireEvent.click(saveButton());
  await waitFor(() =>
    expect(requestCalls().find((c) => c.method === 'PATCH')?.data).toEqual({ hiddenFromSimilar: true }),
  );
});
