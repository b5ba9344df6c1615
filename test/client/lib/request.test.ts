import { ApiError } from '@/lib/api-error';
import { startLaunchGet } from '@/lib/launch-gets';
import { useLoginSession } from '@/lib/login-session';
import { api } from '@/lib/request';
import Taro, { taroTest } from '../shims/taro';
import { resetSession, signInForTest } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

beforeEach(() => {
  taroTest.reset();
  resetSession();
});

test('sends the session token as a bearer header and returns the JSON body', async () => {
  signInForTest({ token: 'abc123' });
  mockApi({ 'GET /api/me': { body: { user: { id: 'u1' } } } });

  await expect(api.get('/api/me')).resolves.toEqual({ user: { id: 'u1' } });
  expect(requestCalls()[0].header.Authorization).toBe('Bearer abc123');
});

test('sends no Authorization header when nobody is signed in', async () => {
  mockApi({ 'GET /api/auth/dev/users': { body: [] } });
  await api.get('/api/auth/dev/users');
  expect(requestCalls()[0].header.Authorization).toBeUndefined();
});

test("a server error becomes an ApiError with the server's code, message and status", async () => {
  signInForTest();
  mockApi({
    'POST /api/communities/join': {
      status: 409,
      body: { code: 'COMMUNITY_FULL', message: '社群人数已满，暂时无法加入' },
    },
  });

  const error = await failureOf(api.post('/api/communities/join', { inviteCode: 'ABCDEF' }));
  expect(error.code).toBe('COMMUNITY_FULL');
  expect(error.message).toBe('社群人数已满，暂时无法加入');
  expect(error.status).toBe(409);
});

test('validation failures carry the failing fields for forms', async () => {
  mockApi({
    'POST /api/communities': {
      status: 400,
      body: { code: 'VALIDATION_FAILED', message: '输入内容有误，请检查后再试', fields: { name: '太长了' } },
    },
  });
  const error = await failureOf(api.post('/api/communities', { name: 'x' }));
  expect(error.fields).toEqual({ name: '太长了' });
});

test('a failure without a readable body falls back to the Chinese message for its status', async () => {
  mockApi({ 'GET /api/communities/c1': { status: 502, body: '<html>Bad Gateway</html>' } });
  const error = await failureOf(api.get('/api/communities/c1'));
  expect(error.code).toBe('INTERNAL_ERROR');
  expect(error.message).toBe('服务器开小差了，请稍后再试');
});

test('a dropped connection on a read is retried once, and the retry can succeed', async () => {
  let attempts = 0;
  mockApi({ 'GET /api/me': () => (++attempts === 1 ? 'network-error' : { body: { ok: true } }) });

  await expect(api.get('/api/me')).resolves.toEqual({ ok: true });
  expect(Taro.request).toHaveBeenCalledTimes(2);
});

test('a read that fails twice becomes NETWORK_ERROR with the Chinese message', async () => {
  mockApi({ 'GET /api/me': 'network-error' });

  const error = await failureOf(api.get('/api/me'));
  expect(error.code).toBe('NETWORK_ERROR');
  expect(error.message).toBe('网络连接失败，请检查网络');
  expect(error.status).toBe(0);
  expect(Taro.request).toHaveBeenCalledTimes(2);
});

test('a write is never retried: it may have reached the server', async () => {
  mockApi({ 'POST /api/communities/join': 'network-error' });

  const error = await failureOf(api.post('/api/communities/join', { inviteCode: 'ABCDEF' }));
  expect(error.code).toBe('NETWORK_ERROR');
  expect(Taro.request).toHaveBeenCalledTimes(1);
});

test('a server error is not retried even on a read', async () => {
  mockApi({
    'GET /api/me': { status: 500, body: { code: 'INTERNAL_ERROR', message: '服务器开小差了，请稍后再试' } },
  });
  await failureOf(api.get('/api/me'));
  expect(Taro.request).toHaveBeenCalledTimes(1);
});

test('SESSION_EXPIRED clears the session so the app signs in again', async () => {
  signInForTest({ currentCommunityId: 'c1' });
  mockApi({
    'GET /api/me': { status: 401, body: { code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录' } },
  });

  const error = await failureOf(api.get('/api/me'));
  expect(error.code).toBe('SESSION_EXPIRED');
  expect(useLoginSession.getState().token).toBeNull();
  expect(useLoginSession.getState().user).toBeNull();
  // The community I was looking at is a preference, not a secret: it survives re-login.
  expect(useLoginSession.getState().currentCommunityId).toBe('c1');
});

test('other 401s leave the session alone', async () => {
  signInForTest();
  mockApi({ 'GET /api/me': { status: 401, body: { code: 'UNAUTHENTICATED', message: '请先登录' } } });
  await failureOf(api.get('/api/me'));
  expect(useLoginSession.getState().token).toBe('test-token');
});

describe('GETs started at H5 launch', () => {
  const taroEnv = process.env.TARO_ENV;
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
  });
  afterEach(() => {
    process.env.TARO_ENV = taroEnv;
  });

  test("the page's first identical GET takes the launch answer instead of asking again", async () => {
    signInForTest({ token: 'abc123' });
    mockApi({ 'GET /api/me': { body: { user: { id: 'u1' } } } });

    startLaunchGet('/api/me');
    await expect(api.get('/api/me')).resolves.toEqual({ user: { id: 'u1' } });
    await expect(api.get('/api/me')).resolves.toEqual({ user: { id: 'u1' } });
    expect(requestCalls()).toHaveLength(2);
    expect(requestCalls()[0].header.Authorization).toBe('Bearer abc123');
  });

  test('a failed launch GET is asked again by the page', async () => {
    signInForTest();
    let calls = 0;
    mockApi({ 'GET /api/me': () => (++calls === 1 ? 'network-error' : { body: { user: { id: 'u1' } } }) });

    startLaunchGet('/api/me');
    await expect(api.get('/api/me')).resolves.toEqual({ user: { id: 'u1' } });
    expect(calls).toBe(2);
  });

  test('another session does not take the answer fetched for the first one', async () => {
    signInForTest({ token: 'first' });
    mockApi({ 'GET /api/me': (call) => ({ body: { token: call.header.Authorization } }) });

    startLaunchGet('/api/me');
    signInForTest({ token: 'second' });
    await expect(api.get('/api/me')).resolves.toEqual({ token: 'Bearer second' });
  });
});
