import { readFileSync } from 'node:fs';

type Wx = WechatMiniprogram.Wx;
type Callbacks = { success?: (result: never) => void; fail?: (error: never) => void; complete?: () => void };

/** One call the mini program made on `wx`, in order. */
export interface WxCall {
  api: string;
  options: unknown;
}

export interface FakeWxOptions {
  /** The API address the build was made with (`TARO_APP_API_BASE`). */
  apiBase: string;
  /** Where the test's API server really listens: requests to `apiBase` go there. */
  serverUrl: string;
  /** The code `wx.login` hands out next (the fake WeChat's code2Session must know it). */
  nextLoginCode: () => string;
}

/** An answer of the API server to a request or upload of the mini program. */
export interface ApiResponse {
  method: string;
  url: string;
  status: number;
}

export interface FakeWx {
  wx: Partial<Wx>;
  calls: WxCall[];
  responses: ApiResponse[];
  /** Requests to anything but the API address (WeChat refuses them: not a registered domain). */
  strayRequests: string[];
  /** Requests sent and not answered yet. */
  pendingRequests(): number;
  storage: Map<string, unknown>;
  /** A file `chooseImage`/`chooseMedia` hands out (a temp path whose bytes `uploadFile` sends). */
  addTempFile(path: string, file: string): void;
  /** The next call of `api` fails as WeChat fails it, with this result (`errMsg`, `errno`...). */
  failNext(api: string, error: Record<string, unknown>): void;
  /** What the camera reads at the next `scanCode` (a cancel when nothing is set). */
  nextScan(text: string): void;
  /**
   * What WeChat does when a call needs the member's privacy consent (`__usePrivacyCheck__`): calls
   * the listener the app gave `onNeedPrivacyAuthorization`. The answers the app gives land in the
   * returned list; throws when no listener was given.
   */
  needPrivacyAuthorization(): PrivacyAnswer[];
}

export interface PrivacyAnswer {
  event: string;
  buttonId?: string;
}

/** Calls whose answer comes through callbacks, not a return value or a task. */
function promiseStyle(api: string): boolean {
  return !/Sync$|^(request|uploadFile|on[A-Z]\w*|canIUse|nextTick|create\w+|get(Window|AppBase|Device|MenuButton)\w*)$/.test(
    api,
  );
}

function answer<T>(options: Callbacks, result: T, failed = false): Promise<void> {
  // WeChat calls back asynchronously, never inside the call.
  return Promise.resolve().then(() => {
    if (failed) (options.fail as ((error: T) => void) | undefined)?.(result);
    else (options.success as ((result: T) => void) | undefined)?.(result);
    options.complete?.();
  });
}

/** A Node `Headers` as the plain header object WeChat hands back. */
function plainHeaders(headers: Headers): Record<string, string> {
  const plain: Record<string, string> = {};
  headers.forEach((value, key) => {
    plain[key] = value;
  });
  return plain;
}

/**
 * A `wx` whose network calls reach the test's real API server over HTTP (only at the address the
 * build was made with), whose storage is in memory and whose UI calls answer like a member who
 * confirms. Every call is recorded in order, so a test can tell what a tap called first.
 */
export function createFakeWx({ apiBase, serverUrl, nextLoginCode }: FakeWxOptions): FakeWx {
  const calls: WxCall[] = [];
  const responses: ApiResponse[] = [];
  const strayRequests: string[] = [];
  const storage = new Map<string, unknown>();
  const tempFiles = new Map<string, string>();
  const failures = new Map<string, Record<string, unknown>>();
  const scans: string[] = [];
  let privacyListener: ((resolve: (answer: PrivacyAnswer) => void) => void) | undefined;
  let pending = 0;

  function apiTarget(url: string): string | null {
    return url.startsWith(`${apiBase}/`) ? `${serverUrl}${url.slice(apiBase.length)}` : null;
  }

  async function send(
    url: string,
    init: RequestInit,
    options: Callbacks,
    parse: (text: string) => unknown,
  ): Promise<void> {
    const target = apiTarget(url);
    if (!target) {
      strayRequests.push(url);
      await answer(options, { errMsg: `request:fail url not in domain list: ${url}` }, true);
      return;
    }
    pending += 1;
    try {
      const response = await fetch(target, init);
      const text = await response.text();
      responses.push({ method: init.method ?? 'GET', url, status: response.status });
      await answer(options, {
        data: parse(text),
        statusCode: response.status,
        header: plainHeaders(response.headers),
        errMsg: 'request:ok',
      });
    } catch (error) {
      await answer(options, { errMsg: `request:fail ${(error as Error).message}` }, true);
    } finally {
      pending -= 1;
    }
  }

  const ok =
    (api: string) =>
    (options: Callbacks = {}) => {
      answer(options, { errMsg: `${api}:ok` });
    };
  const windowInfo = {
    pixelRatio: 2,
    screenWidth: 375,
    screenHeight: 667,
    windowWidth: 375,
    windowHeight: 603,
    statusBarHeight: 20,
    safeArea: { left: 0, right: 375, top: 20, bottom: 667, width: 375, height: 647 },
    screenTop: 64,
  };
  const systemInfo = {
    ...windowInfo,
    brand: 'devtools',
    model: 'iPhone 8',
    system: 'iOS 16.0',
    platform: 'devtools',
    version: '8.0.50',
    SDKVersion: '3.4.0',
    language: 'zh_CN',
    theme: 'light',
    fontSizeSetting: 16,
  };

  const impl: Partial<Wx> = {
    request: ((options: WechatMiniprogram.RequestOption) => {
      const method = options.method ?? 'GET';
      const headers = { ...(options.header as Record<string, string>) };
      let url = options.url;
      let body: string | undefined;
      if (method === 'GET' && options.data && typeof options.data === 'object') {
        const query = new URLSearchParams(options.data as Record<string, string>).toString();
        if (query) url += `${url.includes('?') ? '&' : '?'}${query}`;
      } else if (options.data !== undefined) {
        body = typeof options.data === 'string' ? options.data : JSON.stringify(options.data);
      }
      send(url, { method, headers, body }, options as Callbacks, (text) => {
        if (options.dataType !== 'json') return text;
        try {
          return JSON.parse(text);
        } catch {
          return text;
        }
      });
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} };
    }) as unknown as Wx['request'],
    uploadFile: ((options: WechatMiniprogram.UploadFileOption) => {
      const file = tempFiles.get(options.filePath);
      const form = new FormData();
      for (const [key, value] of Object.entries(options.formData ?? {})) form.append(key, String(value));
      if (file) form.append(options.name, new Blob([readFileSync(file)]), options.filePath.split('/').pop());
      // uploadFile hands the body back as text.
      send(
        options.url,
        { method: 'POST', headers: options.header as Record<string, string>, body: form },
        options as Callbacks,
        (text) => text,
      );
      return { abort() {}, onProgressUpdate() {}, offProgressUpdate() {} };
    }) as unknown as Wx['uploadFile'],
    login: ((options: Callbacks = {}) => {
      answer(options, { code: nextLoginCode(), errMsg: 'login:ok' });
    }) as unknown as Wx['login'],

    getStorageSync: ((key: string) => (storage.has(key) ? storage.get(key) : '')) as Wx['getStorageSync'],
    setStorageSync: ((key: string, value: unknown) => {
      storage.set(key, value);
    }) as Wx['setStorageSync'],
    removeStorageSync: ((key: string) => {
      storage.delete(key);
    }) as Wx['removeStorageSync'],
    clearStorageSync: (() => storage.clear()) as Wx['clearStorageSync'],
    getStorageInfoSync: (() => ({
      keys: [...storage.keys()],
      currentSize: 0,
      limitSize: 10240,
    })) as unknown as Wx['getStorageInfoSync'],

    showToast: ok('showToast') as unknown as Wx['showToast'],
    hideToast: ok('hideToast') as unknown as Wx['hideToast'],
    showLoading: ok('showLoading') as unknown as Wx['showLoading'],
    hideLoading: ok('hideLoading') as unknown as Wx['hideLoading'],
    showModal: ((options: Callbacks = {}) => {
      answer(options, { confirm: true, cancel: false, errMsg: 'showModal:ok' });
    }) as unknown as Wx['showModal'],
    showActionSheet: ((options: Callbacks = {}) => {
      answer(options, { tapIndex: 0, errMsg: 'showActionSheet:ok' });
    }) as unknown as Wx['showActionSheet'],
    navigateTo: ok('navigateTo') as unknown as Wx['navigateTo'],
    redirectTo: ok('redirectTo') as unknown as Wx['redirectTo'],
    reLaunch: ok('reLaunch') as unknown as Wx['reLaunch'],
    switchTab: ok('switchTab') as unknown as Wx['switchTab'],
    navigateBack: ok('navigateBack') as unknown as Wx['navigateBack'],
    setNavigationBarTitle: ok('setNavigationBarTitle') as unknown as Wx['setNavigationBarTitle'],
    startPullDownRefresh: ok('startPullDownRefresh') as unknown as Wx['startPullDownRefresh'],
    stopPullDownRefresh: ok('stopPullDownRefresh') as unknown as Wx['stopPullDownRefresh'],
    showShareMenu: ok('showShareMenu') as unknown as Wx['showShareMenu'],
    hideShareMenu: ok('hideShareMenu') as unknown as Wx['hideShareMenu'],
    setClipboardData: ok('setClipboardData') as unknown as Wx['setClipboardData'],
    addPhoneCalendar: ok('addPhoneCalendar') as unknown as Wx['addPhoneCalendar'],
    scanCode: ((options: Callbacks = {}) => {
      const text = scans.shift();
      if (text === undefined) answer(options, { errMsg: 'scanCode:fail cancel' }, true);
      else answer(options, { result: text, scanType: 'QR_CODE', charSet: 'utf-8', errMsg: 'scanCode:ok' });
    }) as unknown as Wx['scanCode'],
    onNeedPrivacyAuthorization: ((listener: typeof privacyListener) => {
      privacyListener = listener;
    }) as unknown as Wx['onNeedPrivacyAuthorization'],
    openSetting: ((options: Callbacks = {}) => {
      answer(options, { authSetting: {}, errMsg: 'openSetting:ok' });
    }) as unknown as Wx['openSetting'],
    requestSubscribeMessage: ((options: WechatMiniprogram.RequestSubscribeMessageOption) => {
      const accepted = Object.fromEntries(options.tmplIds.map((id) => [id, 'accept']));
      answer(options as Callbacks, { ...accepted, errMsg: 'requestSubscribeMessage:ok' });
    }) as unknown as Wx['requestSubscribeMessage'],
    chooseImage: ((options: Callbacks = {}) => {
      const path = [...tempFiles.keys()][0];
      answer(options, { tempFilePaths: path ? [path] : [], errMsg: 'chooseImage:ok' }, !path);
    }) as unknown as Wx['chooseImage'],
    getGroupEnterInfo: ((options: Callbacks = {}) => {
      answer(options, { errMsg: 'getGroupEnterInfo:fail not opened from a group' }, true);
    }) as unknown as Wx['getGroupEnterInfo'],
    getEnterOptionsSync: (() => ({
      path: 'pages/index/index',
      query: {},
      scene: 1001,
      referrerInfo: {},
    })) as unknown as Wx['getEnterOptionsSync'],
    getLaunchOptionsSync: (() => ({
      path: 'pages/index/index',
      query: {},
      scene: 1001,
      referrerInfo: {},
    })) as unknown as Wx['getLaunchOptionsSync'],

    getSystemInfoSync: (() => systemInfo) as unknown as Wx['getSystemInfoSync'],
    getWindowInfo: (() => windowInfo) as unknown as Wx['getWindowInfo'],
    getAppBaseInfo: (() => ({
      SDKVersion: '3.4.0',
      language: 'zh_CN',
      version: '8.0.50',
      theme: 'light',
    })) as unknown as Wx['getAppBaseInfo'],
    getDeviceInfo: (() => ({
      brand: 'devtools',
      model: 'iPhone 8',
      system: 'iOS 16.0',
      platform: 'devtools',
    })) as unknown as Wx['getDeviceInfo'],
    getMenuButtonBoundingClientRect: (() => ({
      width: 87,
      height: 32,
      top: 24,
      right: 365,
      bottom: 56,
      left: 278,
    })) as unknown as Wx['getMenuButtonBoundingClientRect'],
    canIUse: (() => true) as Wx['canIUse'],
    nextTick: ((callback: () => void) => {
      setTimeout(callback, 0);
    }) as Wx['nextTick'],
    createSelectorQuery: (() => {
      const query = {
        in: () => query,
        select: () => ({ boundingClientRect: () => query, fields: () => query, scrollOffset: () => query }),
        selectAll: () => ({ boundingClientRect: () => query, fields: () => query }),
        selectViewport: () => ({ boundingClientRect: () => query, scrollOffset: () => query }),
        // No layout here: every rect is unknown.
        exec: (callback?: (result: unknown[]) => void) => setTimeout(() => callback?.([]), 0),
      };
      return query;
    }) as unknown as Wx['createSelectorQuery'],
  };

  const wx: Partial<Wx> = {};
  for (const [api, call] of Object.entries(impl)) {
    const run = (...args: unknown[]) => {
      const failure = failures.get(api);
      if (!failure) return (call as (...a: unknown[]) => unknown)(...args);
      failures.delete(api);
      answer(args[0] as Callbacks, failure, true);
      return undefined;
    };
    (wx as Record<string, unknown>)[api] = (...args: unknown[]) => {
      calls.push({ api, options: args[0] });
      // WeChat's promise style: an asynchronous API called without success/fail/complete returns a
      // promise (Taro passes some, such as addPhoneCalendar, through as they are).
      const options = args[0] as Callbacks | undefined;
      if (promiseStyle(api) && !options?.success && !options?.fail && !options?.complete) {
        return new Promise((resolve, reject) => {
          run({ ...options, success: resolve, fail: reject }, ...args.slice(1));
        });
      }
      return run(...args);
    };
  }

  return {
    wx,
    calls,
    responses,
    strayRequests,
    pendingRequests: () => pending,
    storage,
    addTempFile: (path, file) => tempFiles.set(path, file),
    failNext: (api, error) => failures.set(api, error),
    nextScan: (text) => scans.push(text),
    needPrivacyAuthorization() {
      if (!privacyListener) throw new Error('the app gave onNeedPrivacyAuthorization no listener');
      const answers: PrivacyAnswer[] = [];
      privacyListener((given) => answers.push(given));
      return answers;
    },
  };
}
