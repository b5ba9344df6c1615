import { act, fireEvent, render, screen } from '@testing-library/react';
import { listenForPrivacyPrompts, PrivacyPopup } from '@/components/privacy-popup';
import PrivacyGuidePage from '@/member/privacy';
import Taro, { taroTest } from '../shims/taro';

const taroEnv = process.env.TARO_ENV;

type Listener = (resolve: (answer: unknown) => void) => void;
/** What WeChat does when a call needs consent: calls the listener the app gave it. */
let needPrivacyAuthorization: Listener;

beforeEach(() => {
  taroTest.reset();
  Object.assign(Taro, {
    onNeedPrivacyAuthorization: (listener: Listener) => {
      needPrivacyAuthorization = listener;
    },
  });
  listenForPrivacyPrompts();
});
afterEach(() => {
  process.env.TARO_ENV = taroEnv;
});

describe('隐私保护指引', () => {
  it('the guide says what is used and why, readable without signing in', () => {
    render(<PrivacyGuidePage />);
    for (const text of [
      '微信昵称和头像（头像昵称）',
      '标签和简介',
      '报名和签到记录',
      '你上传的图片（选中的照片）',
      '剪贴板',
      '日历',
    ]) {
      expect(screen.getByText(text)).toBeTruthy();
    }
  });

  it('in the browser build the popup never shows, even if something waited', () => {
    process.env.TARO_ENV = 'h5';
    const { container } = render(<PrivacyPopup />);
    act(() => needPrivacyAuthorization(jest.fn()));
    expect(container.textContent).toBe('');
  });

  it('in WeChat, 拒绝 answers every waiting call with disagree and closes the popup', () => {
    process.env.TARO_ENV = 'weapp';
    const resolve = jest.fn();
    render(<PrivacyPopup />);
    act(() => {
      needPrivacyAuthorization(resolve);
      needPrivacyAuthorization(resolve);
    });
    expect(screen.getByText('使用前请阅读并同意《隐私保护指引》')).toBeTruthy();

    fireEvent.click(screen.getByText('拒绝'));
    expect(resolve.mock.calls).toEqual([[{ event: 'disagree' }], [{ event: 'disagree' }]]);
    expect(screen.queryByText('使用前请阅读并同意《隐私保护指引》')).toBeNull();
  });
});
