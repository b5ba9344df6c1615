import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DevLogin } from '@/features/auth/components/dev-login';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { useLoginSession } from '@/lib/login-session';
import Taro, { taroTest } from '../shims/taro';
import { resetSession, testUser } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

const originalEnv = { ...process.env };
const auth = { token: 'tok-wx', expiresAt: '2026-12-26T00:00:00.000Z', user: testUser };

beforeEach(() => {
  taroTest.reset();
  resetSession();
});

afterEach(() => {
  process.env = { ...originalEnv };
});

test('in WeChat, signs in silently with the Taro.login code and then shows the page', async () => {
  process.env.TARO_ENV = 'weapp';
  Taro.login.mockResolvedValue({ code: 'code-123', errMsg: 'login:ok' });
  mockApi({ 'POST /api/auth/wechat': { body: auth } });

  render(
    <SignInGate>
      <span>首页内容</span>
    </SignInGate>,
  );

  await screen.findByText('首页内容');
  expect(requestCalls()[0].data).toEqual({ code: 'code-123' });
  expect(useLoginSession.getState().token).toBe('tok-wx');
});

test('in WeChat, a failed login shows the reason and a retry', async () => {
  process.env.TARO_ENV = 'weapp';
  let attempts = 0;
  mockApi({
    'POST /api/auth/wechat': () =>
      ++attempts === 1
        ? { status: 502, body: { code: 'WECHAT_UNAVAILABLE', message: '微信服务暂时不可用，请稍后再试' } }
        : { body: auth },
  });
  render(
    <SignInGate>
      <span>首页内容</span>
    </SignInGate>,
  );

  fireEvent.click(await screen.findByText('重试'));
  await screen.findByText('首页内容');
});

test('in H5 with dev login on, an anonymous visitor is sent to the login page, which knows where they were', async () => {
  process.env.TARO_ENV = 'h5';
  process.env.TARO_APP_DEV_LOGIN = 'true';
  taroTest.setRouter('/entry/community-join/index', { code: 'K7M2QX', $taroTimestamp: '123' });
  render(
    <SignInGate>
      <span>加入表单</span>
    </SignInGate>,
  );
  await waitFor(() =>
    expect(Taro.reLaunch).toHaveBeenCalledWith({
      url: `/pages/login/index?returnTo=${encodeURIComponent('/entry/community-join/index?code=K7M2QX')}`,
    }),
  );
  expect(screen.queryByText('加入表单')).toBeNull();
});

test('after a dev login the visitor goes back to the page they came from', async () => {
  mockApi({
    'GET /api/auth/dev/users': { body: [{ nickname: '小林', role: null, communityName: null }] },
    'POST /api/auth/dev': { body: auth },
  });
  render(<DevLogin returnTo={encodeURIComponent('/entry/community-join/index?code=K7M2QX')} />);
  fireEvent.click(await screen.findByText('小林'));
  await waitFor(() =>
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/entry/community-join/index?code=K7M2QX' }),
  );
});

test('a shared tip opened before logging in is where the dev login goes back to', async () => {
  mockApi({
    'GET /api/auth/dev/users': { body: [{ nickname: '小林', role: null, communityName: null }] },
    'POST /api/auth/dev': { body: auth },
  });
  render(<DevLogin returnTo={encodeURIComponent('/member/tip/index?id=t7&code=K7M2QX')} />);
  fireEvent.click(await screen.findByText('小林'));
  await waitFor(() =>
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/member/tip/index?id=t7&code=K7M2QX' }),
  );
});

test('a return address outside our pages is ignored', async () => {
  mockApi({
    'GET /api/auth/dev/users': { body: [{ nickname: '小林', role: null, communityName: null }] },
    'POST /api/auth/dev': { body: auth },
  });
  render(<DevLogin returnTo="https://evil.example/pages/x" />);
  fireEvent.click(await screen.findByText('小林'));
  await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
});

test('in H5 without dev login, says to open the app in WeChat', () => {
  process.env.TARO_ENV = 'h5';
  process.env.TARO_APP_DEV_LOGIN = 'false';
  render(
    <SignInGate>
      <span>首页内容</span>
    </SignInGate>,
  );
  expect(screen.getByText('请在微信中打开群友圈')).toBeTruthy();
});

test('the dev login lists demo users with their role; tapping one signs in and opens 首页', async () => {
  mockApi({
    'GET /api/auth/dev/users': {
      body: [
        { nickname: '阿青', role: 'owner', communityName: '早起读书会' },
        { nickname: '小林', role: null, communityName: null },
      ],
    },
    'POST /api/auth/dev': { body: { ...auth, token: 'tok-dev' } },
  });
  const { container } = render(<DevLogin />);

  await screen.findByText('阿青');
  expect(container.querySelectorAll('.dev-user')).toHaveLength(2);
  expect(screen.getByText('群主')).toBeTruthy();
  expect(screen.getByText('早起读书会')).toBeTruthy();

  fireEvent.click(screen.getByText('阿青'));
  await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
  expect(requestCalls().at(-1)?.data).toEqual({ name: '阿青' });
  expect(useLoginSession.getState().token).toBe('tok-dev');
});

test('the dev login creates a user from a typed name', async () => {
  mockApi({
    'GET /api/auth/dev/users': { body: [] },
    'POST /api/auth/dev': { body: auth },
  });
  render(<DevLogin />);
  await screen.findByText('还没有演示用户，在下面输入名字创建一个');

  const login = screen.getByText('登录') as HTMLButtonElement;
  expect(login.disabled).toBe(true);
  fireEvent.change(document.querySelector('.dev-login__name input, input.dev-login__name') as Element, {
    target: { value: ' 新同学 ' },
  });
  fireEvent.click(login);
  await waitFor(() => expect(requestCalls().at(-1)?.data).toEqual({ name: '新同学' }));
});
