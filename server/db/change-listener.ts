import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Where PostgreSQL's notices of some channels go (`server/read-caches/`). */
export interface ChangeSink {
  changed(channel: string, payload: string): void;
  /** Told when notices start and stop arriving: in between, a cache cannot know what changed. */
  setListening(listening: boolean): void;
}

export interface ChangeListener {
  close(): Promise<void>;
}

/** Listens to these channels on the database of a handle (`DatabaseHandle.listenForChanges`). */
export type ListenForChanges = (channels: readonly string[], sink: ChangeSink) => ChangeListener;

/**
 * Listens on a connection of its own, straight to PostgreSQL: LISTEN does not pass a pooler in
 * transaction mode. A lost connection is opened again after `retryMs`, for as long as the instance runs.
 */
export function listenOnPostgres(
  connectionString: string,
  channels: readonly string[],
  sink: ChangeSink,
  { retryMs = 1_000, connectMs = 5_000 }: { retryMs?: number; connectMs?: number } = {},
): ChangeListener {
  let current: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;

  const open = async () => {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: connectMs, keepAlive: true });
    current = client;
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (current === client) sink.setListening(false);
      client.end().catch(() => {});
      if (!closed && current === client) retry = setTimeout(() => void open(), retryMs).unref();
    };
    client.on('notification', (notice) => {
      if (channels.includes(notice.channel)) sink.changed(notice.channel, notice.payload ?? '');
    });
    client.on('error', onLost);
    client.on('end', onLost);
    try {
      await client.connect();
      await client.query(channels.map((channel) => `LISTEN ${channel}`).join('; '));
      if (!lost && !closed) sink.setListening(true);
    } catch {
      onLost();
    }
  };
  void open();

  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      sink.setListening(false);
      const client = current;
      current = undefined;
      await client?.end().catch(() => {});
    },
  };
}

/** PGlite runs in this process: its notices arrive with the answer to the statement that committed. */
export function listenOnPglite(
  client: PGlite,
  channels: readonly string[],
  sink: ChangeSink,
): ChangeListener {
  let closed = false;
  const subscribed = Promise.all(
    channels.map((channel) => client.listen(channel, (payload) => sink.changed(channel, payload))),
  );
  subscribed.then(
    () => {
      if (!closed) sink.setListening(true);
    },
    () => sink.setListening(false),
  );
  return {
    async close() {
      closed = true;
      sink.setListening(false);
      const unsubscribes = await subscribed.catch(() => []);
      await Promise.all(unsubscribes.map((unsubscribe) => unsubscribe().catch(() => {})));
    },
  };
}
