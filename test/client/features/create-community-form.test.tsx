import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CreateCommunityForm } from '@/features/communities/components/create-community-form';
import { useLoginSession } from '@/lib/login-session';
import Taro, { taroTest } from '../shims/taro';
import { communityView } from '../support/community';
import { membership, signInForTest, testUser } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

beforeEach(() => {
  taroTest.reset();
  signInForTest();
});

function fieldInput(name: string): Element {
  return document.querySelector(`.field--${name} input, .field--${name} textarea`) as Element;
}

function type(name: string, value: string) {
  fireEvent.change(fieldInput(name), { target: { value } });
}

function countOf(name: string): string | null | undefined {
  return document.querySelector(`.field--${name} .field__count`)?.textContent;
}

test('counts characters as typed against the limits, a CJK character or emoji as one', () => {
  render(<CreateCommunityForm />);
  expect(countOf('name')).toBe('0/20');
  expect(countOf('goal')).toBe('0/60');
  expect(countOf('rules')).toBe('0/500');

  type('name', '早起读书会📚');
  expect(countOf('name')).toBe('6/20');
});

test('an empty form says in grey what it needs; what is wrong shows in red once typed, also after clearing', () => {
  render(<CreateCommunityForm />);
  expect(document.querySelector('.form__needs')?.textContent).toBe('填好社群名称、目标和群规，就可以创建了');
  expect(document.querySelector('.form__problem')).toBeNull();

  type('name', '早起读书会');
  type('name', '');
  expect(document.querySelector('.form__needs')).toBeNull();
  expect(document.querySelector('.form__problem')?.textContent).toBe('请填写社群名称');
});

test('says what is missing and only then enables 创建社群', () => {
  render(<CreateCommunityForm />);
  const button = screen.getByText('创建社群') as HTMLButtonElement;
  expect(button.disabled).toBe(true);

  type('name', '早起读书会');
  expect(screen.getByText('请填写社群目标')).toBeTruthy();
  type('goal', '每天早起读书三十分钟');
  expect(screen.getByText('请填写群规')).toBeTruthy();
  type('rules', '不发广告');
  type('capacity', '1000');
  expect(screen.getByText('人数上限应在2到500之间')).toBeTruthy();
  type('capacity', '80');
  expect(button.disabled).toBe(false);
});

test('shows the server’s text rule as the owner types: invisible-only and direction-changing text are refused before sending', () => {
  render(<CreateCommunityForm />);
  const button = screen.getByText('创建社群') as HTMLButtonElement;
  type('name', '\u200B\u200D\uFEFF');
  expect(document.querySelector('.field--name .field__problem')?.textContent).toBe('不能只有看不见的字符');
  type('name', '早起\u202E会书读');
  expect(document.querySelector('.field--name .field__problem')?.textContent).toBe(
    '不能包含改变文字方向的控制字符',
  );
  type('goal', '每天早起读书三十分钟');
  type('rules', '不发广告');
  expect(screen.getByText('社群名称：不能包含改变文字方向的控制字符')).toBeTruthy();
  expect(button.disabled).toBe(true);

  type('name', '早起读书会');
  expect(document.querySelector('.field--name .field__problem')).toBeNull();
  expect(button.disabled).toBe(false);
});

test('creates the community and makes it current on 首页', async () => {
  mockApi({
    'POST /api/communities': { body: communityView({ id: 'c5', myRole: 'owner' }) },
    'GET /api/me': { body: { user: testUser, memberships: [membership('c5', '早起读书会', 'owner')] } },
  });
  render(<CreateCommunityForm />);
  type('name', ' 早起读书会 ');
  type('goal', '每天早起读书三十分钟');
  type('rules', '不发广告\n每周分享一次');
  fireEvent.click(screen.getByText('创建社群'));

  await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' }));
  expect(requestCalls()[0].data).toEqual({
    name: '早起读书会',
    goal: '每天早起读书三十分钟',
    rules: '不发广告\n每周分享一次',
    capacity: 100,
  });
  expect(useLoginSession.getState().currentCommunityId).toBe('c5');
});
