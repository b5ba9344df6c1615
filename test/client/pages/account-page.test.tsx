import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useLoginSession } from '@/lib/login-session';
import AccountPage from '@/member/account/index';
import Taro, { taroTest } from '../shims/taro';
import { membership, signInForTest, testUser } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

const me = { body: { user: testUser, memberships: [membership('c1', '早起读书会', 'member')] } };
const closeCalls = () => requestCalls().filter((call) => call.url.endsWith('/api/me/close-account'));

beforeEach(() => {
  taroTest.reset();
  signInForTest({ currentCommunityId: 'c1', memberships: [membership('c1', '早起读书会', 'member')] });
});

describe('注销账号', () => {
  test('is asked twice, the second time naming it; a no at either step sends nothing', async () => {
    mockApi({ 'GET /api/me': me });
    render(<AccountPage />);
    const button = await screen.findByText('注销账号', { selector: 'button' });

    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(button);
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(Taro.showModal).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '注销账号', content: expect.stringContaining('已注销用户') }),
    );

    Taro.showModal.mockResolvedValueOnce({ confirm: true, cancel: false });
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(button);
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(3));
    expect(Taro.showModal).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '再次确认', confirmText: '注销账号' }),
    );
    expect(closeCalls()).toEqual([]);
    expect(useLoginSession.getState().token).toBe('test-token');
  });

  test('confirmed twice, closes the account, forgets the session and starts over signed out', async () => {
    mockApi({ 'GET /api/me': me, 'POST /api/me/close-account': { status: 204 } });
    render(<AccountPage />);
    fireEvent.click(await screen.findByText('注销账号', { selector: 'button' }));

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(closeCalls().map((call) => call.data)).toEqual([{ confirm: '注销账号' }]);
    expect(useLoginSession.getState()).toMatchObject({ token: null, user: null });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '账号已注销' }));
  });

  test('a 群主 is told which communities to hand over first, with a way to 转让群主', async () => {
    mockApi({
      'GET /api/me': me,
      'POST /api/me/close-account': {
        status: 409,
        body: {
          code: 'OWNER_CANNOT_CLOSE_ACCOUNT',
          message: '你还是「周末跑团」的群主，请先转让群主再注销账号',
          fields: { c2: '周末跑团' },
        },
      },
    });
    render(<AccountPage />);
    fireEvent.click(await screen.findByText('注销账号', { selector: 'button' }));

    expect(await screen.findByText('你还是「周末跑团」的群主，请先转让群主再注销账号')).toBeTruthy();
    expect(useLoginSession.getState().token).toBe('test-token');
    expect(Taro.reLaunch).not.toHaveBeenCalled();

    fireEvent.click(screen.getByText('转让群主'));
    expect(useLoginSession.getState().currentCommunityId).toBe('c2');
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/owner/members/index' });
  });
});

test('下载我的数据 fetches my own data file and opens it', async () => {
  mockApi({ 'GET /api/me': me });
  render(<AccountPage />);
  fireEvent.click(await screen.findByText('下载我的数据'));
  await waitFor(() => expect(Taro.openDocument).toHaveBeenCalled());
  expect(Taro.downloadFile).toHaveBeenCalledWith(
    expect.objectContaining({
      url: expect.stringMatching(/\/api\/me\/data$/),
      header: { Authorization: 'Bearer test-token' },
    }),
  );
});
