import { listenForLoginChanges } from '../../db/login-change-listener';
import { LoginCache } from './login-cache';

export interface RunningLoginCache {
  /** Undefined on PGlite: one process, nothing to spare a round trip to. */
  cache: LoginCache | undefined;
  close(): Promise<void>;
}

/** A login cache fed by PostgreSQL's notices, where there is a PostgreSQL to listen to (`handle.listenUrl`). */
export function startLoginCache(listenUrl: string | undefined): RunningLoginCache {
  if (!listenUrl) return { cache: undefined, close: async () => {} };
  const cache = new LoginCache();
  const listener = listenForLoginChanges(listenUrl, cache);
  return { cache, close: () => listener.close() };
}
