import { act, render, screen } from '@testing-library/react';
import { InboxEntry } from '@/features/inbox/components/inbox-entry';
import {
  askForSubscriptions,
  forgetSubscribeTemplates,
  preloadSubscribeTemplates,
} from '@/lib/subscribe-messages';
import Taro, { taroTest } from '../shims/taro';
import { signInForTest } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

const taroEnv = process.env.TARO_ENV;
let requestSubscribeMessage: jest.Mock;

beforeEach(() => {
  taroTest.reset();
  signInForTest();
  forgetSubscribeTemplates();
  requestSubscribeMessage = jest.fn();
  Object.assign(Taro, { requestSubscribeMessage });
});
afterEach(() => {
  process.env.TARO_ENV = taroEnv;
});

const clientConfig = {
  body: { subscribeTemplates: { sessionReminder: 'tmpl-reminder', waitlistPromoted: 'tmpl-promoted' } },
};

describe('askForSubscriptions', () => {
  it('in the mini program: asks for the configured templates and records the accepted ones', async () => {
    process.env.TARO_ENV = 'weapp';
    requestSubscribeMessage.mockResolvedValue({
      errMsg: 'requestSubscribeMessage:ok',
      'tmpl-reminder': 'accept',
      'tmpl-promoted': 'reject',
    });
    mockApi({
      'GET /api/config/client': clientConfig,
      'POST /api/me/subscriptions': { body: { consents: { sessionReminder: 1 } } },
    });
    await preloadSubscribeTemplates();

    const asking = askForSubscriptions(['sessionReminder', 'waitlistPromoted', 'sessionChanged']);
    // In the same tick as the tap that called it, as WeChat requires.
    expect(requestSubscribeMessage).toHaveBeenCalledTimes(1);
    const accepted = await asking;

    expect(accepted).toEqual(['sessionReminder']);
    // sessionChanged has no template id on this server, so it is not asked for.
    expect(requestSubscribeMessage).toHaveBeenCalledWith(
      expect.objectContaining({ tmplIds: ['tmpl-reminder', 'tmpl-promoted'] }),
    );
    const posted = requestCalls().find((call) => call.url === '/api/me/subscriptions');
    expect(posted?.data).toEqual({ accepted: ['sessionReminder'] });
  });

  it('without the template ids at hand asks nothing (it would be refused after a wait) and loads them for the next tap', async () => {
    process.env.TARO_ENV = 'weapp';
    requestSubscribeMessage.mockResolvedValue({ 'tmpl-reminder': 'accept' });
    mockApi({
      'GET /api/config/client': clientConfig,
      'POST /api/me/subscriptions': { body: { consents: { sessionReminder: 1 } } },
    });

    await expect(askForSubscriptions(['sessionReminder'])).resolves.toEqual([]);
    expect(requestSubscribeMessage).not.toHaveBeenCalled();

    await preloadSubscribeTemplates();
    await expect(askForSubscriptions(['sessionReminder'])).resolves.toEqual(['sessionReminder']);
    expect(requestCalls().filter((call) => call.url === '/api/config/client')).toHaveLength(1);
  });

  it('a refusal or a failure never throws, and posts nothing', async () => {
    process.env.TARO_ENV = 'weapp';
    requestSubscribeMessage.mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail cancel' });
    mockApi({ 'GET /api/config/client': clientConfig });
    await preloadSubscribeTemplates();

    await expect(askForSubscriptions(['sessionReminder'])).resolves.toEqual([]);
    expect(requestCalls().some((call) => call.url === '/api/me/subscriptions')).toBe(false);
  });

  it('does nothing in H5', async () => {
    process.env.TARO_ENV = 'h5';
    await expect(askForSubscriptions(['sessionReminder'])).resolves.toEqual([]);
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
    expect(Taro.request).not.toHaveBeenCalled();
  });
});

describe('消息 entry of 我的', () => {
  it('shows the unread count and opens the 消息 page', async () => {
    mockApi({ 'GET /api/me/inbox/unread-count': { body: { unreadCount: 3 } } });
    render(<InboxEntry />);
    expect((await screen.findByText('3')).className).toContain('inbox-badge');
    screen.getByText('消息').click();
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/inbox/index' });
  });

  it('shows no badge when everything is read or the count cannot be loaded', async () => {
    mockApi({ 'GET /api/me/inbox/unread-count': 'network-error' });
    render(<InboxEntry />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(document.querySelector('.inbox-badge')).toBeNull();
  });
});
