import pg from 'pg';

export const loginChangesChannel = 'login_changes';

export interface LoginChangeSink {
  changed(payload: string): void;
  setListening(listening: boolean): void;
}

export interface LoginChangeListener {
  close(): Promise<void>;
}

/**
 * Listens to `login_changes` (migration 0014) on a connection of its own, straight to PostgreSQL:
 * LISTEN does not pass a pooler in transaction mode. The sink is told when notices start and stop
 * arriving; a lost connection is opened again after `retryMs`, for as long as the instance runs.
 */
export function listenForLoginChanges(
  connectionString: string,
  sink: LoginChangeSink,
  { retryMs = 1_000, connectMs = 5_000 }: { retryMs?: number; connectMs?: number } = {},
): LoginChangeListener {
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
      if (notice.channel === loginChangesChannel) sink.changed(notice.payload ?? '');
    });
    client.on('error', onLost);
    client.on('end', onLost);
    try {
      await client.connect();
      await client.query(`LISTEN ${loginChangesChannel}`);
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
