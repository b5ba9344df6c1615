import { buildApp } from '../../server/app';
import { testConfig } from '../support/test-app';
import { openTestDatabase } from '../support/test-database';

describe('when the database is gone', () => {
  it('answers 503 SERVICE_UNAVAILABLE for health and for API calls', async () => {
    const handle = await openTestDatabase();
    const app = await buildApp({ db: handle.db, config: testConfig });
    await handle.close();
    try {
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toEqual({ code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' });

      const ready = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().code).toBe('SERVICE_UNAVAILABLE');
      // The process is fine: a restart would not bring the database back.
      expect((await app.inject({ method: 'GET', url: '/api/live' })).statusCode).toBe(200);

      const login = await app.inject({ method: 'POST', url: '/api/auth/dev', payload: { name: '李根' } });
      expect(login.statusCode).toBe(503);
      expect(login.json().code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await app.close();
    }
  });
});
