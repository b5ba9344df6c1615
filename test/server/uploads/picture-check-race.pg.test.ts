import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../../server/db/database';
import { pictureCheckAnswers, uploads, users } from '../../../server/db/schema';
import { receivePictureCheckAnswer } from '../../../server/modules/uploads/picture-check-answers';
import {
  createPictureCheckRequester,
  requestDueChecks,
} from '../../../server/modules/uploads/picture-check-requests';
import type { PictureChecker } from '../../../server/modules/uploads/picture-checker';
import { type FakeWechat, startFakeWechat } from '../../support/fake-wechat';
import { testConfig } from '../../support/test-app';
import { openTwoInstances, type TwoInstances, testDatabaseUrl } from '../../support/test-database';

const serverUrl = testDatabaseUrl();
// PGlite runs transactions one at a time, so only a real server shows two instances racing.
const describeOnPostgres = serverUrl ? describe : describe.skip;

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describeOnPostgres('picture checks with two server instances', () => {
  let instances: TwoInstances;
  let first: DatabaseHandle;
  let second: DatabaseHandle;
  let wechat: FakeWechat;
  let ownerUserId: string;

  beforeAll(async () => {
    instances = await openTwoInstances(serverUrl!);
    ({ first, second } = instances);
    wechat = await startFakeWechat();
    const [owner] = await first.db
      .insert(users)
      .values({ openid: 'openid-uploader', nickname: '上传者' })
      .returning();
    ownerUserId = owner!.id;
  });
  afterAll(async () => {
    await instances?.close();
    await wechat?.close();
  });

  async function pendingUploads(n: number): Promise<string[]> {
    const rows = await first.db
      .insert(uploads)
      .values(
        Array.from({ length: n }, (_, i) => ({
          ownerUserId,
          contentType: 'image/png',
          byteSize: png.length,
          data: png,
          checkStatus: 'pending' as const,
          checkNextAttemptAt: new Date(Date.now() - 1000),
          previewKey: `key${i}`,
        })),
      )
      .returning({ id: uploads.id });
    return rows.map((row) => row.id);
  }

  it('asks WeChat once for each of 100 pictures, even with WeChat failing now and then', async () => {
    const ids = await pendingUploads(100);
    wechat.mediaCheckBehaviour = (_call, callNumber) =>
      callNumber % 5 === 0 ? { kind: 'status', status: 502 } : { kind: 'ok' };
    const config = { ...testConfig, contentCheck: 'wechat' as const, wechatApiBase: wechat.baseUrl };
    const instances = [first, second].map((handle) => ({
      db: handle.db,
      job: createPictureCheckRequester({ config }, { batchSize: 10, retryDelayMs: 0 }),
    }));
    const drain = async ({ db, job }: (typeof instances)[number]) => {
      let handled = 0;
      for (let idleRuns = 0; idleRuns < 3; ) {
        const n = await job.runOnce(db, new Date(Date.now() + 60_000));
        handled += n;
        idleRuns = n === 0 ? idleRuns + 1 : 0;
      }
      return handled;
    };
    const handledBy = await Promise.all(instances.map(drain));

    expect(handledBy.map((handled) => handled > 0)).toEqual([true, true]);
    expect(wechat.mediaCheckCalls.length).toBeGreaterThan(100);
    const accepted = wechat.mediaCheckCalls.filter((call) => call.traceId);
    const perPicture = new Map<string, number>();
    for (const call of accepted) {
      const id = ids.find((uploadId) => call.body.media_url.includes(uploadId));
      if (id) perPicture.set(id, (perPicture.get(id) ?? 0) + 1);
    }
    expect(perPicture.size).toBe(100);
    expect([...perPicture.values()].every((times) => times === 1)).toBe(true);
    const stored = (await first.db.select().from(uploads)).filter((row) => ids.includes(row.id));
    expect(stored.filter((row) => !row.checkTraceId || row.checkNextAttemptAt)).toEqual([]);
  });

  it('applies every verdict pushed while its trace id is being recorded, whichever commits first', async () => {
    const ids = await pendingUploads(60);
    // WeChat answers the call and, at the same moment, pushes its verdict to the other instance.
    const pushes: Promise<void>[] = [];
    const racingChecker: PictureChecker = {
      async requestCheck(picture) {
        const traceId = `race-${picture.uploadId}`;
        pushes.push(receivePictureCheckAnswer(second.db, traceId, 'pass', new Date()));
        return { kind: 'asked', traceId };
      },
    };
    let claimed = 0;
    do {
      claimed = await requestDueChecks(first.db, racingChecker, new Date(), {
        batchSize: 20,
        leaseMs: 60_000,
      });
    } while (claimed > 0);
    await Promise.all(pushes);

    const rows = await first.db.select().from(uploads);
    const checked = rows.filter((row) => ids.includes(row.id));
    expect(checked.map((row) => row.checkStatus)).toEqual(ids.map(() => 'pass'));
    const leftOver = await first.db
      .select()
      .from(pictureCheckAnswers)
      .where(eq(pictureCheckAnswers.suggest, 'pass'));
    expect(leftOver.filter((answer) => answer.traceId.startsWith('race-'))).toEqual([]);
  });
});
