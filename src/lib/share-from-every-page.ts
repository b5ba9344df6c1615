import { hooks, safeExecute } from '@tarojs/runtime';

export interface ShareCard {
  title: string;
  path: string;
}

type SharePage = { $taroPath: string };
type ShareHandler = (this: SharePage, options: unknown) => ShareCard | undefined;

/**
 * WeChat: every page shares one of our cards from its first frame. A page's own card
 * (`useShareAppMessage`) registers only once its content has mounted, after sign-in and loading;
 * until then, and on pages without a card of their own, WeChat would share its default card (the
 * bare page and a screenshot) or grey out 转发. Taro hands every page object to `modifyPageObject`
 * before calling `Page()`: each gets an `onShareAppMessage` that asks the page's own card first.
 * Call once, before the pages load (src/app.ts).
 */
export function shareFromEveryPage(defaultCard: () => ShareCard): void {
  hooks.tap('modifyPageObject', (page: Record<string, unknown>) => {
    // Taro's own handler exists where the page config has enableShareAppMessage (it also fills in
    // the dataset of a share button); elsewhere the page's hooks are asked directly.
    const pageCard =
      (page.onShareAppMessage as ShareHandler | undefined) ??
      function (this: SharePage, options: unknown) {
        return safeExecute(this.$taroPath, 'onShareAppMessage', options) as ShareCard | undefined;
      };
    page.onShareAppMessage = function (this: SharePage, options: unknown) {
      return pageCard.call(this, options) ?? defaultCard();
    };
  });
}
