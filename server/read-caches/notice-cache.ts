/** A cache fed by one channel of PostgreSQL's notices (`start-read-caches.ts` listens for them all). */
export interface ReadCache {
  readonly channel: string;
  changed(payload: string): void;
  forgetAll(): void;
  setListening(listening: boolean): void;
}

interface Entry<V> {
  value: V;
  /** What the entry was read from (a user, a community): a notice about one of them drops it. */
  owners: readonly string[];
}

/**
 * An instance's copy of what it read, kept only while PostgreSQL's notices arrive
 * (`server/db/change-listener.ts`): a notice about an owner drops that owner's entries, and while
 * not listening (connecting, or the connection lost) it holds nothing and serves nothing.
 *
 * A read that started before a change must not store what it read: every drop moves the
 * generation on, and `store` takes the generation the read started in.
 */
export class NoticeCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly keysOfOwner = new Map<string, Set<string>>();
  private listening = false;
  private currentGeneration = 0;

  constructor(private readonly maxEntries: number) {}

  get generation(): number {
    return this.currentGeneration;
  }

  get isListening(): boolean {
    return this.listening;
  }

  get size(): number {
    return this.entries.size;
  }

  lookup(key: string): V | undefined {
    return this.listening ? this.entries.get(key)?.value : undefined;
  }

  store(key: string, value: V, owners: readonly string[], readInGeneration: number): void {
    if (!this.listening || readInGeneration !== this.currentGeneration) return;
    this.remove(key);
    this.entries.set(key, { value, owners });
    for (const owner of owners) {
      let keys = this.keysOfOwner.get(owner);
      if (!keys) {
        keys = new Set();
        this.keysOfOwner.set(owner, keys);
      }
      keys.add(key);
    }
    // Map keeps insertion order: the oldest entry goes first.
    if (this.entries.size > this.maxEntries) this.remove(this.entries.keys().next().value!);
  }

  remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const owner of entry.owners) {
      const keys = this.keysOfOwner.get(owner);
      keys?.delete(key);
      if (keys?.size === 0) this.keysOfOwner.delete(owner);
    }
  }

  /** Something of this owner changed. */
  drop(owner: string): void {
    this.currentGeneration += 1;
    for (const key of [...(this.keysOfOwner.get(owner) ?? [])]) this.remove(key);
  }

  /** Everything may have changed: a write of this instance just committed, or the notices stopped or started. */
  forgetAll(): void {
    this.currentGeneration += 1;
    this.entries.clear();
    this.keysOfOwner.clear();
  }

  /** Notices arrive (or stopped arriving): what was cached before cannot be trusted either way. */
  setListening(listening: boolean): void {
    this.listening = listening;
    this.forgetAll();
  }
}

/** A cache of one channel's notices: what its entries are and how a notice's payload finds them is its own. */
export abstract class NoticeFedCache<V> implements ReadCache {
  abstract readonly channel: string;
  protected readonly entries: NoticeCache<V>;

  constructor(maxEntries: number) {
    this.entries = new NoticeCache(maxEntries);
  }

  abstract changed(payload: string): void;

  get generation(): number {
    return this.entries.generation;
  }

  get isListening(): boolean {
    return this.entries.isListening;
  }

  get size(): number {
    return this.entries.size;
  }

  forgetAll(): void {
    this.entries.forgetAll();
  }

  setListening(listening: boolean): void {
    this.entries.setListening(listening);
  }
}
