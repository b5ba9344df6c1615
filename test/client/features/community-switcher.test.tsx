import { fireEvent, render, screen } from '@testing-library/react';
import { CommunitySwitcher } from '@/features/communities/components/community-switcher';
import { useLoginSession } from '@/lib/login-session';
import Taro, { taroTest } from '../shims/taro';
import { membership, signInForTest } from '../support/login-session';

beforeEach(() => {
  taroTest.reset();
  signInForTest({
    memberships: [membership('c1', '早起读书会', 'member'), membership('c2', '周末跑团', 'owner')],
    currentCommunityId: 'c1',
  });
});

function currentName(): string | null | undefined {
  return document.querySelector('.community-switcher__item.is-current .community-switcher__name')
    ?.textContent;
}

test('lists my communities with my role in each, marking the current one', () => {
  render(<CommunitySwitcher />);
  expect(currentName()).toBe('早起读书会');
  expect(screen.getByText('群主')).toBeTruthy();
  expect(screen.getByText('成员')).toBeTruthy();
});

test('tapping another community makes it current and goes to 首页', () => {
  render(<CommunitySwitcher />);
  fireEvent.click(screen.getByText('周末跑团'));

  expect(useLoginSession.getState().currentCommunityId).toBe('c2');
  expect(currentName()).toBe('周末跑团');
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
});

test('tapping the current community does nothing', () => {
  render(<CommunitySwitcher />);
  fireEvent.click(screen.getByText('早起读书会'));
  expect(Taro.switchTab).not.toHaveBeenCalled();
});
