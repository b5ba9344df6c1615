/**
 * H5: each page's code is a chunk fetched when the page opens. When that fetch fails (the network
 * dropped, or a release replaced the hashed files the open tab still names), Taro's router rejects
 * and the tap does nothing. Instead, a full-screen notice offers 重新加载: a reload fetches a fresh
 * index.html and its chunks, and the hash keeps the page the person was opening. Plain DOM, not
 * React: the page that failed is the one that would have drawn it.
 * Taro picks this file for H5 builds; page-load-retry.ts stands in for the others.
 */

const retryScreenId = 'page-load-retry';

/** webpack's failed script chunk (`ChunkLoadError`) or mini-css-extract's failed stylesheet chunk. */
export function isChunkLoadFailure(reason: unknown): boolean {
  if (!(reason instanceof Error)) return false;
  const code = (reason as Error & { code?: unknown }).code;
  return reason.name === 'ChunkLoadError' || code === 'CSS_CHUNK_LOAD_FAILED';
}

function showRetryScreen(): void {
  if (document.getElementById(retryScreenId)) return;
  const screen = document.createElement('div');
  screen.id = retryScreenId;
  screen.setAttribute('role', 'alertdialog');
  screen.style.cssText =
    'position:fixed;inset:0;z-index:10000;display:flex;flex-direction:column;align-items:center;' +
    'justify-content:center;gap:12px;background:#f7f7f7;color:#333;font-size:15px;text-align:center;';
  const title = document.createElement('p');
  title.textContent = '页面没有加载出来';
  title.style.cssText = 'margin:0;font-size:17px;font-weight:600;';
  const hint = document.createElement('p');
  hint.textContent = '网络可能断了一下，请检查网络后重试';
  hint.style.cssText = 'margin:0;color:#888;';
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.textContent = '重新加载';
  retry.style.cssText =
    'margin-top:8px;padding:10px 32px;border:0;border-radius:6px;background:#07c160;color:#fff;font-size:16px;';
  retry.addEventListener('click', () => window.location.reload());
  screen.append(title, hint, retry);
  document.body.append(screen);
}

export function showRetryWhenAPageFailsToLoad(): void {
  window.addEventListener('unhandledrejection', (event) => {
    if (!isChunkLoadFailure(event.reason)) return;
    event.preventDefault();
    showRetryScreen();
  });
}
