import type { PropsWithChildren } from 'react';
import { listenForPrivacyPrompts } from './components/privacy-popup';
import './browser-shell';
import { defaultShareCard } from './features/communities/share-card';
import { startLaunchRequests } from './launch-requests';
import { shareFromEveryPage } from './lib/share-from-every-page';
import { preloadSubscribeTemplates } from './lib/subscribe-messages';
import { showRetryWhenAPageFailsToLoad } from './page-load-retry';
import './app.scss';

if (process.env.TARO_ENV === 'h5') {
  showRetryWhenAPageFailsToLoad();
  startLaunchRequests();
}
if (process.env.TARO_ENV === 'weapp') {
  shareFromEveryPage(defaultShareCard);
  // Known before any tap: WeChat asks for consent only when asked straight from the tap.
  preloadSubscribeTemplates();
  listenForPrivacyPrompts();
}

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
