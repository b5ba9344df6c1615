import { showRetryWhenAPageFailsToLoad } from '../../src/page-load-retry.h5';

/** What webpack rejects with when a page's chunk cannot be fetched. */
function chunkLoadError(): Error {
  const error = new Error('Loading chunk 306 failed.\n(error: http://127.0.0.1:3000/js/306.b23842b5.js)');
  error.name = 'ChunkLoadError';
  return error;
}

/** The event the browser fires for a rejection nobody caught (jsdom does not fire it by itself). */
function rejectUnhandled(reason: unknown): Event {
  const event = new Event('unhandledrejection', { cancelable: true });
  Object.defineProperty(event, 'reason', { value: reason });
  window.dispatchEvent(event);
  return event;
}

const retryButton = () =>
  Array.from(document.querySelectorAll('button')).find((button) => button.textContent === '重新加载');

const reload = jest.fn();
beforeAll(() => {
  Object.defineProperty(window, 'location', { value: { ...window.location, reload }, configurable: true });
  showRetryWhenAPageFailsToLoad();
});
afterEach(() => {
  document.body.innerHTML = '';
  reload.mockClear();
});

describe('a page whose code fails to load (H5)', () => {
  it('shows a retry screen instead of a dead tap, and 重新加载 loads the app again', () => {
    const event = rejectUnhandled(chunkLoadError());
    expect(event.defaultPrevented).toBe(true);
    expect(document.body.textContent).toContain('页面没有加载出来');
    retryButton()?.click();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('does the same when the page’s stylesheet fails', () => {
    const error = Object.assign(new Error('Loading CSS chunk 306 failed.'), {
      code: 'CSS_CHUNK_LOAD_FAILED',
    });
    rejectUnhandled(error);
    expect(retryButton()).toBeDefined();
  });

  it('shows one screen however many chunks failed', () => {
    rejectUnhandled(chunkLoadError());
    rejectUnhandled(chunkLoadError());
    expect(document.querySelectorAll('[role="alertdialog"]')).toHaveLength(1);
  });

  it('leaves other failures alone', () => {
    const event = rejectUnhandled(new Error('请求失败'));
    expect(event.defaultPrevented).toBe(false);
    expect(retryButton()).toBeUndefined();
  });
});
