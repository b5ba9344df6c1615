import Taro from '@tarojs/taro';

/**
 * What a device call needs from the member, in their words: the permission WeChat names in 设置,
 * and what the refusal stops (for the explanation).
 */
const permissions = {
  calendar: { name: '日历', purpose: '把活动添加到手机日历', settings: true },
  camera: { name: '相机', purpose: '拍照或选择图片', settings: true },
  clipboard: { name: '剪贴板', purpose: '复制文字', settings: false },
  // Subscribe messages: only the member's own switch (设置 → 订阅消息) is worth explaining; any other
  // failure leaves the action as it is, its notice still reaching 消息.
  subscribe: { name: '订阅消息', purpose: '在微信里收到提醒和审核结果', settings: true, quiet: true },
} as const satisfies Record<string, { name: string; purpose: string; settings: boolean; quiet?: boolean }>;
export type DevicePermission = keyof typeof permissions;

/** WeChat's failures by their errMsg / errno: the member cancelled, refused before, or refused the privacy guide. */
function refusalOf(error: unknown): 'cancelled' | 'denied' | 'privacy' | null {
  const {
    errMsg = '',
    errno,
    errCode,
  } = (error ?? {}) as { errMsg?: string; errno?: number; errCode?: number };
  // 104: the member has not agreed to 隐私保护指引 (or refused it in our popup).
  if (errno === 104 || /privacy/i.test(errMsg)) return 'privacy';
  // 20004: subscribe messages are switched off in the mini program's settings.
  if (errCode === 20004 || /auth den|authorize|permission|scope|switched off/i.test(errMsg)) return 'denied';
  if (/cancel/i.test(errMsg)) return 'cancelled';
  return null;
}

/** 去设置: WeChat opens its settings only from a tap, and the modal's confirm counts as one. */
function offerSettings(permission: DevicePermission): void {
  const { name, purpose } = permissions[permission];
  Taro.showModal({
    title: `需要${name}权限`,
    content: `你之前没有允许使用${name}，所以无法${purpose}。可以在设置中打开「${name}」后再试。`,
    confirmText: '去设置',
    cancelText: '暂不',
    success: ({ confirm }) => {
      if (confirm) Taro.openSetting({});
    },
  });
}

/**
 * Runs a WeChat call that needs a permission (calendar, camera, clipboard, subscriptions) and explains a
 * refusal instead of letting it look like a server error: a cancel is quiet, a refused permission
 * says what it stops and offers 去设置 (openSetting), a refused privacy guide says so. Resolves to
 * the call's result, or undefined when it did not happen; it never throws.
 */
export async function withPermission<T>(
  permission: DevicePermission,
  call: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    const refusal = refusalOf(error);
    const { name, purpose, settings } = permissions[permission];
    const quiet = 'quiet' in permissions[permission];
    if (refusal === 'cancelled' || (quiet && refusal !== 'denied')) return undefined;
    if (refusal === 'privacy') {
      Taro.showToast({ title: `同意隐私保护指引后才能${purpose}`, icon: 'none', duration: 2500 });
    } else if (refusal === 'denied' && settings) {
      offerSettings(permission);
    } else {
      Taro.showToast({ title: `没能使用${name}，请稍后再试`, icon: 'none', duration: 2500 });
    }
    return undefined;
  }
}
