import { messageFor } from '@/domain/error-codes';
import { withPermission } from '@/lib/device-permission';
import Taro, { taroTest } from '../shims/taro';

let openSetting: jest.Mock;

beforeEach(() => {
  taroTest.reset();
  openSetting = jest.fn();
  Object.assign(Taro, { openSetting });
  // WeChat calls back the modal's success with the member's choice; 去设置 is the confirm.
  (Taro.showModal as jest.Mock).mockImplementation(
    async (options: { success?: (result: { confirm: boolean }) => void }) => {
      options.success?.({ confirm: true });
      return { confirm: true, cancel: false };
    },
  );
});

const toasts = () => Taro.showToast.mock.calls.map(([options]) => options.title);

describe('withPermission', () => {
  it('hands back what the call gave', async () => {
    await expect(
      withPermission('calendar', async () => ({ errMsg: 'addPhoneCalendar:ok' })),
    ).resolves.toEqual({
      errMsg: 'addPhoneCalendar:ok',
    });
    expect(Taro.showModal).not.toHaveBeenCalled();
  });

  it('a refused calendar says what it stops and offers 去设置, which opens the settings', async () => {
    const refused = withPermission('calendar', () =>
      Promise.reject({ errMsg: 'addPhoneCalendar:fail auth deny' }),
    );
    await expect(refused).resolves.toBeUndefined();
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '需要日历权限',
        content: expect.stringContaining('设置'),
        confirmText: '去设置',
      }),
    );
    expect(openSetting).toHaveBeenCalledTimes(1);
    expect(toasts()).not.toContain(messageFor('INTERNAL_ERROR'));
  });

  it('a cancelled picker is quiet', async () => {
    await expect(
      withPermission('camera', () => Promise.reject({ errMsg: 'chooseImage:fail cancel' })),
    ).resolves.toBeUndefined();
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('a refused privacy guide is named, with no settings to open', async () => {
    await withPermission('clipboard', () =>
      Promise.reject({ errMsg: 'setClipboardData:fail privacy permission is not authorized', errno: 104 }),
    );
    expect(toasts()).toEqual(['同意隐私保护指引后才能使用剪贴板']);
    expect(openSetting).not.toHaveBeenCalled();
  });

  it('subscriptions switched off are explained with 去设置; any other subscribe failure is quiet', async () => {
    await withPermission('subscribe', () =>
      Promise.reject({
        errMsg: 'requestSubscribeMessage:fail the main switch is switched off',
        errCode: 20004,
      }),
    );
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '需要订阅消息权限' }));
    Taro.showModal.mockClear();
    await withPermission('subscribe', () =>
      Promise.reject({ errMsg: 'requestSubscribeMessage:fail', errCode: 10002 }),
    );
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('any other failure of a device call is a short device message, never the server error', async () => {
    await withPermission('calendar', () => Promise.reject(new Error('boom')));
    expect(toasts()).toEqual(['没能使用日历，请稍后再试']);
  });
});
