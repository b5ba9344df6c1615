import { sql } from 'drizzle-orm';
import type { Database } from '../../server/db/database';
import { markBehindTransactionPooler, preparedPerDatabase } from '../../server/db/prepared-statement';

// Only identity matters here: a database handle is a key, never queried.
const aDatabase = () => ({}) as Database;

describe('prepared statements per database', () => {
  const namesUsed: string[] = [];
  const statement = preparedPerDatabase('feed_first_page', (_db, statementName) => {
    namesUsed.push(statementName);
    return { statementName, query: sql`select 1` };
  });

  beforeEach(() => namesUsed.splice(0));

  it('are named and built once per database', () => {
    const db = aDatabase();
    expect(statement(db).statementName).toBe('feed_first_page');
    expect(statement(db)).toBe(statement(db));
    expect(namesUsed).toEqual(['feed_first_page']);
  });

  it('go unnamed behind a transaction pooler, where the next statement may land on another connection', () => {
    const direct = aDatabase();
    const pooled = aDatabase();
    markBehindTransactionPooler(pooled);
    expect(statement(pooled).statementName).toBe('');
    expect(statement(direct).statementName).toBe('feed_first_page');
  });
});
