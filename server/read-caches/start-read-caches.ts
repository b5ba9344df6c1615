import type { ListenForChanges } from '../db/change-listener';
import { LoginCache } from '../modules/auth/login-cache';
import { FeedCache } from '../modules/tips/feed-cache';
import type { ReadCache } from './notice-cache';

/** What an instance keeps of its reads while PostgreSQL's notices tell it what changed. */
export interface ReadCaches {
  /** Reads sign in without a query. */
  login: LoginCache;
  /** 最新 and a tag's pages are read once for everyone. */
  feed: FeedCache;
}

export interface RunningReadCaches {
  /** Undefined where no notice can be heard (behind a transaction pooler without a direct URL). */
  caches: ReadCaches | undefined;
  close(): Promise<void>;
}

/** The read caches, fed by one listener for all their channels (`DatabaseHandle.listenForChanges`). */
export function startReadCaches(listenForChanges: ListenForChanges | undefined): RunningReadCaches {
  if (!listenForChanges) return { caches: undefined, close: async () => {} };
  const caches: ReadCaches = { login: new LoginCache(), feed: new FeedCache() };
  const all: ReadCache[] = Object.values(caches);
  const listener = listenForChanges(
    all.map((cache) => cache.channel),
    {
      changed(channel, payload) {
        for (const cache of all) if (cache.channel === channel) cache.changed(payload);
      },
      setListening(listening) {
        for (const cache of all) cache.setListening(listening);
      },
    },
  );
  return { caches, close: () => listener.close() };
}
