import { sql } from 'drizzle-orm';
import { appTimeZone } from '../../src/domain/time-zone';

/**
 * The app's time zone as an SQL literal (`... at time zone ${appTimeZoneSql}`). A literal, not a
 * parameter: the same expression in SELECT and GROUP BY must be written identically.
 */
export const appTimeZoneSql = sql.raw(`'${appTimeZone}'`);
