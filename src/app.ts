import type { PropsWithChildren } from 'react';
import { startLaunchRequests } from './launch-requests';
import './app.scss';

if (process.env.TARO_ENV === 'h5') startLaunchRequests();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
