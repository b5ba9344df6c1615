import Taro from '@tarojs/taro';

/** What each call needs, named as WeChat's 设置 page names it. */
const permissionNames = {
  calendar: '日历',
  camera: '相机',
  clipboard: '剪贴板',
  subscribe: '订阅消息',
} as const;
export type DevicePermission = keyof typeof permissionNames;

interface WechatFailure {
  errMsg?: string;
  /** 104: the member has not agreed to 隐私保护指引 (or refused it in our popup). */
  errno?: number;
}

function toast(title: string): void {
  Taro.showToast({ title, icon: 'none', duration: 2500 });
}

/**
 * Runs a WeChat call that needs a permission (calendar, camera, clipboard, subscriptions) and
 * explains a refusal instead of letting it look like a server error: a cancel is quiet, a refused
 * permission offers 去设置 (openSetting: WeChat allows it from the modal's confirm, a tap), a
 * refused privacy guide says so. Any other subscribe failure stays quiet: its notice still reaches
 * 消息. Calls `call` at once (a subscribe request must leave in the tap's tick); never throws.
 * Small on purpose: the main package carries it.
 */
export function withPermission<T>(
  permission: DevicePermission,
  call: () => Promise<T>,
): Promise<T | undefined> {
  return call().catch(({ errMsg, errno }: WechatFailure = {}) => {
    const message = String(errMsg);
    const name = permissionNames[permission];
    if (errno === 104 || /privacy/.test(message)) {
      toast(`同意隐私保护指引后才能使用${name}`);
      // "auth deny" / "auth denied"; subscribe messages: "the main switch is switched off" (20004).
    } else if (/auth|switched off/.test(message)) {
      Taro.showModal({
        title: `需要${name}权限`,
        content: `你没有允许使用${name}，可以在设置中打开后再试`,
        confirmText: '去设置',
        success: (result) => {
          if (result.confirm) Taro.openSetting({});
        },
      });
    } else if (!/cancel/.test(message) && permission !== 'subscribe') {
      toast(`没能使用${name}，请稍后再试`);
    }
    return undefined;
  });
}
