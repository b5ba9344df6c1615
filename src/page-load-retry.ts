/** Only H5 loads a page's code when it opens (page-load-retry.h5.ts): WeChat has it with the app. */
export function showRetryWhenAPageFailsToLoad(): void {}
