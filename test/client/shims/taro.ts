/**
 * A controllable @tarojs/taro for jsdom: every API is a jest mock with a sensible default,
 * storage is in memory, and page lifecycle hooks record their callbacks so a test can fire
 * them (`taroTest.firePullDownRefresh()`). Call `taroTest.reset()` in `beforeEach`.
 */
import { useEffect, useRef } from 'react';

type Callback = (...args: unknown[]) => unknown;
type Lifecycle = 'didShow' | 'pullDownRefresh' | 'reachBottom' | 'shareAppMessage' | 'load' | 'pageScroll';

const storage = new Map<string, unknown>();
const lifecycle: Record<Lifecycle, Set<{ current: Callback }>> = {
  didShow: new Set(),
  pullDownRefresh: new Set(),
  reachBottom: new Set(),
  shareAppMessage: new Set(),
  load: new Set(),
  pageScroll: new Set(),
};
let routerParams: Record<string, string> = {};
let routerPath = '/pages/index/index';
// Where the last firePageScroll left the page: jsdom lays nothing out, so rects are page-relative.
let pageScrollTop = 0;

function createApi() {
  return {
    request: jest.fn(async (_options: unknown): Promise<unknown> => {
      throw new Error('Taro.request is not mocked in this test');
    }),
    login: jest.fn(async () => ({ code: 'wx-code', errMsg: 'login:ok' })),
    getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
    setStorageSync: jest.fn((key: string, value: unknown) => {
      storage.set(key, value);
    }),
    removeStorageSync: jest.fn((key: string) => {
      storage.delete(key);
    }),
    navigateTo: jest.fn(async (_options: { url: string }) => ({ errMsg: 'navigateTo:ok' })),
    redirectTo: jest.fn(async (_options: { url: string }) => ({ errMsg: 'redirectTo:ok' })),
    reLaunch: jest.fn(async (_options: { url: string }) => ({ errMsg: 'reLaunch:ok' })),
    switchTab: jest.fn(async (_options: { url: string }) => ({ errMsg: 'switchTab:ok' })),
    navigateBack: jest.fn(async () => ({ errMsg: 'navigateBack:ok' })),
    showToast: jest.fn(async (_options: { title: string; icon?: string }) => ({ errMsg: 'showToast:ok' })),
    showModal: jest.fn(async (_options: { title?: string; content?: string }) => ({
      confirm: true,
      cancel: false,
    })),
    showActionSheet: jest.fn(async (_options: { itemList: string[] }) => ({ tapIndex: 0 })),
    setClipboardData: jest.fn(async (_options: { data: string }) => ({ errMsg: 'setClipboardData:ok' })),
    stopPullDownRefresh: jest.fn(),
    addPhoneCalendar: jest.fn(async (_options: object) => ({ errMsg: 'addPhoneCalendar:ok' })),
    addPhoneRepeatCalendar: jest.fn(async (_options: object) => ({ errMsg: 'addPhoneRepeatCalendar:ok' })),
    scanCode: jest.fn(async (_options: { onlyFromCamera?: boolean; scanType?: string[] }) => ({
      result: '',
      scanType: 'QR_CODE',
      errMsg: 'scanCode:ok',
    })),
    chooseImage: jest.fn(async (_options: { count?: number }) => ({
      tempFilePaths: ['wxfile://tmp/photo.jpg'],
    })),
    uploadFile: jest.fn(async (_options: { url: string; filePath: string; name: string }) => ({
      statusCode: 201,
      data: JSON.stringify({ id: 'u1', url: '/api/uploads/u1' }),
    })),
    downloadFile: jest.fn(async (_options: { url: string; header?: Record<string, string> }) => ({
      statusCode: 200,
      tempFilePath: 'wxfile://tmp/export.xlsx',
      errMsg: 'downloadFile:ok',
    })),
    openDocument: jest.fn(async (_options: { filePath: string; fileType?: string; showMenu?: boolean }) => ({
      errMsg: 'openDocument:ok',
    })),
    // Opened from a share card in a group chat: a test sets `shareTicket`.
    getEnterOptionsSync: jest.fn((): { shareTicket?: string } => ({})),
    getGroupEnterInfo: jest.fn(async () => ({ encryptedData: 'enc-group', iv: 'iv-group', errMsg: 'ok' })),
    showShareMenu: jest.fn(async (_options: { withShareTicket?: boolean }) => ({
      errMsg: 'showShareMenu:ok',
    })),
    // An iPhone 8 sized window: 375 px wide, so 1 rpx is half a pixel.
    getWindowInfo: jest.fn(() => ({ windowWidth: 375, windowHeight: 667 })),
    // Answers `select(...).boundingClientRect().exec(cb)` from the DOM, after the render as in
    // WeChat, with the top relative to the scrolled view.
    createSelectorQuery: jest.fn(() => {
      const selectors: string[] = [];
      const query = {
        select(selector: string) {
          selectors.push(selector);
          return { boundingClientRect: () => query };
        },
        exec(callback: (rects: ({ top: number } | null)[]) => void) {
          queueMicrotask(() =>
            callback(
              selectors.map((selector) => {
                const rect = document.querySelector(selector)?.getBoundingClientRect();
                return rect ? { top: rect.top - pageScrollTop } : null;
              }),
            ),
          );
        },
      };
      return query;
    }),
  };
}

const Taro = createApi();
export default Taro;

function useLifecycle(kind: Lifecycle, callback: Callback) {
  const ref = useRef(callback);
  ref.current = callback;
  useEffect(() => {
    const entry = ref;
    lifecycle[kind].add(entry);
    return () => {
      lifecycle[kind].delete(entry);
    };
  }, [kind]);
}

export const useDidShow = (callback: Callback) => useLifecycle('didShow', callback);
export const usePullDownRefresh = (callback: Callback) => useLifecycle('pullDownRefresh', callback);
export const useReachBottom = (callback: Callback) => useLifecycle('reachBottom', callback);
export const useShareAppMessage = (callback: Callback) => useLifecycle('shareAppMessage', callback);
export const useLoad = (callback: Callback) => useLifecycle('load', callback);
export const usePageScroll = (callback: Callback) => useLifecycle('pageScroll', callback);
export const useRouter = () => ({ params: routerParams, path: routerPath });

async function fire(kind: Lifecycle, ...args: unknown[]): Promise<unknown[]> {
  return Promise.all([...lifecycle[kind]].map((entry) => entry.current(...args)));
}

export const taroTest = {
  reset() {
    storage.clear();
    routerParams = {};
    routerPath = '/pages/index/index';
    pageScrollTop = 0;
    Object.assign(Taro, createApi());
  },
  /** The page being tested, as `useRouter()` reports it. */
  setRouter(path: string, params: Record<string, string> = {}) {
    routerPath = path;
    routerParams = params;
  },
  fireDidShow: () => fire('didShow'),
  fireLoad: () => fire('load'),
  firePullDownRefresh: () => fire('pullDownRefresh'),
  fireReachBottom: () => fire('reachBottom'),
  firePageScroll: (scrollTop: number) => {
    pageScrollTop = scrollTop;
    return fire('pageScroll', { scrollTop });
  },
  /** The share cards the page would give WeChat right now. */
  shareAppMessage: () => fire('shareAppMessage'),
  storage,
};
