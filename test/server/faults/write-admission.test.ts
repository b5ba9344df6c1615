import Fastify, { type FastifyRequest } from 'fastify';
import writeAdmission from '../../../server/plugins/write-admission';

/** A promise and the function that settles it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** Waits, a turn of the event loop at a time, until the condition holds (or fails the test). */
async function until(condition: () => boolean) {
  for (let tick = 0; tick < 1_000 && !condition(); tick += 1) await new Promise((r) => setImmediate(r));
  expect(condition()).toBe(true);
}

/**
 * An app whose sign-in step (the route's onRequest, where authentication queries the database)
 * waits for `signIn` to open, and whose write handler waits for `handler` to open.
 */
async function appWithSlowSteps(atOnce: number) {
  const signIn = gate();
  const handler = gate();
  const reached = { signIn: 0, handler: 0 };
  const app = Fastify();
  await app.register(writeAdmission, { atOnce, waitLimitMs: 60_000 });
  const slowSignIn = async (request: FastifyRequest) => {
    reached.signIn += 1;
    if (request.headers['x-slow-sign-in']) await signIn.opened;
  };
  app.post('/write', { onRequest: slowSignIn }, async () => {
    reached.handler += 1;
    await handler.opened;
    return { ok: true };
  });
  app.get('/read', { onRequest: slowSignIn }, async () => ({ ok: true }));
  await app.ready();
  return { app, signIn, handler, reached };
}

describe('writes admitted a few at a time', () => {
  it('holds the writes beyond the limit before sign-in while reads go straight through', async () => {
    const { app, signIn, handler, reached } = await appWithSlowSteps(2);
    handler.open();
    const slow = { method: 'POST' as const, url: '/write', headers: { 'x-slow-sign-in': '1' } };
    const writes = [app.inject(slow), app.inject(slow), app.inject(slow)];
    await until(() => reached.signIn === 2);

    const read = await app.inject({ url: '/read' });
    expect(read.statusCode).toBe(200);
    // The third write has not started signing in: it waits in memory, holding no connection.
    expect(reached.signIn).toBe(3); // the two writes and the read

    signIn.open();
    expect((await Promise.all(writes)).map((response) => response.statusCode)).toEqual([200, 200, 200]);
    await app.close();
  });

  it('lets a write go once it is signed in, so writes busy in their handlers do not hold up others', async () => {
    const { app, handler, reached } = await appWithSlowSteps(1);
    const writes = [
      app.inject({ method: 'POST', url: '/write' }),
      app.inject({ method: 'POST', url: '/write' }),
    ];
    await until(() => reached.handler === 2);
    handler.open();
    expect((await Promise.all(writes)).map((response) => response.statusCode)).toEqual([200, 200]);
    await app.close();
  });

  it('frees the place of a write refused at sign-in', async () => {
    const app = Fastify();
    await app.register(writeAdmission, { atOnce: 1, waitLimitMs: 60_000 });
    app.post(
      '/write',
      {
        onRequest: async (_request, reply) => {
          await reply.code(401).send({ code: 'UNAUTHENTICATED' });
        },
      },
      async () => ({ ok: true }),
    );
    const answers = await Promise.all([1, 2, 3].map(() => app.inject({ method: 'POST', url: '/write' })));
    expect(answers.map((response) => response.statusCode)).toEqual([401, 401, 401]);
    await app.close();
  });
});
