import { and, count, eq } from 'drizzle-orm';
import { notices, uploads } from '../../../server/db/schema';
import { createNoticeDispatcher } from '../../../server/modules/notifications/notice-dispatcher';
import { createPictureCheckRequester } from '../../../server/modules/uploads/picture-check-requests';
import type { InboxPage } from '../../../src/domain/contract/notifications';
import type { MemberProfileView } from '../../../src/domain/contract/profiles';
import type { TipCardView, TipDetailView } from '../../../src/domain/contract/tips';
import type { UploadView } from '../../../src/domain/contract/uploads';
import { communityWithTeam, type SignedInUser } from '../../support/api-session';
import { type FakeWechat, startFakeWechat } from '../../support/fake-wechat';
import { rowCounts } from '../../support/row-counts';
import { createTestApp, type TestApp } from '../../support/test-app';
import { pushMediaCheckVerdict, signedPushQuery } from '../../support/wechat-push';
import { openSlots, requestSlot, settle } from '../promotions/promotion-support';
import { publishedTip } from '../tips/tip-fixtures';

/**
 * WeChat's picture check over real HTTP (the fake WeChat): a new picture waits for WeChat's verdict,
 * seen only by its uploader; the verdict arrives later as a signed push to /api/wechat/push.
 */

let wechat: FakeWechat;
let t: TestApp;

beforeAll(async () => {
  wechat = await startFakeWechat();
  t = await createTestApp({ contentCheck: 'wechat', wechatApiBase: wechat.baseUrl });
});
afterAll(async () => {
  await t.close();
  await wechat.close();
});
beforeEach(() => {
  wechat.mediaCheckBehaviour = () => ({ kind: 'ok' });
});

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(24, 7),
]);

async function uploadPicture(user: SignedInUser, use?: 'avatar' | 'tip' | 'promotion') {
  const boundary = 'picture-check-boundary';
  const field = use ? `--${boundary}\r\nContent-Disposition: form-data; name="use"\r\n\r\n${use}\r\n` : '';
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: { ...user.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `${field}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  expect(response.statusCode).toBe(201);
  return response.json<UploadView>();
}

/** The trace id WeChat answered for this upload's check request. */
function traceOf(uploadId: string): string {
  const call = wechat.mediaCheckCalls.find((c) => c.body.media_url.includes(uploadId) && c.traceId);
  if (!call?.traceId) throw new Error(`no check request for ${uploadId}`);
  return call.traceId;
}

const bare = (uploadId: string) => `/api/uploads/${uploadId}`;

async function setAvatar(user: SignedInUser, communityId: string, avatarUploadId: string) {
  const response = await t.app.inject({
    method: 'PATCH',
    url: `/api/communities/${communityId}/members/me`,
    headers: user.headers,
    payload: { avatarUploadId },
  });
  return response;
}

async function profileOf(viewer: SignedInUser, communityId: string, userId: string) {
  const response = await t.app.inject({
    url: `/api/communities/${communityId}/members/${userId}`,
    headers: viewer.headers,
  });
  expect(response.statusCode).toBe(200);
  return response.json<MemberProfileView>();
}

async function tipAs(viewer: SignedInUser, tipId: string) {
  return (await t.app.inject({ url: `/api/tips/${tipId}`, headers: viewer.headers })).json<TipDetailView>();
}

async function feedImages(viewer: SignedInUser, communityId: string, tipId: string) {
  const response = await t.app.inject({
    url: `/api/communities/${communityId}/tips`,
    headers: viewer.headers,
  });
  return response.json<{ items: TipCardView[] }>().items.find((card) => card.id === tipId)?.imageUrl;
}

async function fetchPicture(url: string) {
  return t.app.inject({ url });
}

it("asks mediaCheckAsync v2 with the uploader's openid, the scene of the picture's use and an address WeChat can download", async () => {
  const { member } = await communityWithTeam(t.app);
  const avatar = await uploadPicture(member, 'avatar');
  const tipPicture = await uploadPicture(member, 'tip');
  const avatarCall = wechat.mediaCheckCalls.find((c) => c.body.media_url.includes(avatar.id))!;
  expect(avatarCall.body).toEqual({
    media_url: expect.stringMatching(new RegExp(`^https://qunyou\\.test/api/uploads/${avatar.id}\\?key=.+`)),
    media_type: 2,
    version: 2,
    scene: 1,
    openid: `dev:${member.user.nickname}`,
  });
  expect(wechat.mediaCheckCalls.find((c) => c.body.media_url.includes(tipPicture.id))!.body.scene).toBe(3);
  // The address WeChat was given shows the picture before it passed.
  const download = await fetchPicture(avatarCall.body.media_url.replace('https://qunyou.test', ''));
  expect(download.statusCode).toBe(200);
  expect(download.rawPayload).toEqual(png);
});

it('shows a pending picture to its uploader only, then to everyone once WeChat passes it', async () => {
  const { community, owner: uploader, member: viewer } = await communityWithTeam(t.app);
  const picture = await uploadPicture(uploader, 'avatar');
  // The uploader's address carries the preview key: an <Image> sends no bearer token.
  expect(picture.url).toMatch(new RegExp(`^${bare(picture.id)}\\?key=`));
  expect((await setAvatar(uploader, community.id, picture.id)).statusCode).toBe(200);
  const tip = await publishedTip(t.app, uploader, community.id, { imageUploadId: picture.id });

  expect((await profileOf(viewer, community.id, uploader.user.id)).avatarUrl).toBeNull();
  expect((await tipAs(viewer, tip.id)).imageUrl).toBeNull();
  expect(await feedImages(viewer, community.id, tip.id)).toBeNull();
  const ownView = await profileOf(uploader, community.id, uploader.user.id);
  expect(ownView.avatarUrl).toMatch(new RegExp(`^${bare(picture.id)}\\?key=`));
  expect((await tipAs(uploader, tip.id)).imageUrl).toBe(ownView.avatarUrl);

  const forOthers = await fetchPicture(bare(picture.id));
  expect(forOthers.statusCode).toBe(404);
  expect(forOthers.headers['cache-control']).toBe('no-store');
  expect((await fetchPicture(`${bare(picture.id)}?key=guessed`)).statusCode).toBe(404);
  const forUploader = await fetchPicture(ownView.avatarUrl!);
  expect(forUploader.statusCode).toBe(200);
  expect(forUploader.headers['cache-control']).toBe('private, no-store');

  const push = await pushMediaCheckVerdict(t.app, traceOf(picture.id), 'pass');
  expect(push.statusCode).toBe(200);
  expect(push.body).toBe('success');

  expect((await profileOf(viewer, community.id, uploader.user.id)).avatarUrl).toBe(bare(picture.id));
  expect((await profileOf(uploader, community.id, uploader.user.id)).avatarUrl).toBe(bare(picture.id));
  expect((await tipAs(viewer, tip.id)).imageUrl).toBe(bare(picture.id));
  expect(await feedImages(viewer, community.id, tip.id)).toBe(bare(picture.id));
  const approved = await fetchPicture(bare(picture.id));
  expect(approved.statusCode).toBe(200);
  expect(approved.headers['cache-control']).toBe('public, max-age=31536000, immutable');
});

it('asks no more about a picture once it has seen WeChat pass it: a verdict is final', async () => {
  const { community, owner: uploader, member: viewer } = await communityWithTeam(t.app);
  const picture = await uploadPicture(uploader, 'avatar');
  const tip = await publishedTip(t.app, uploader, community.id, { imageUploadId: picture.id });
  await pushMediaCheckVerdict(t.app, traceOf(picture.id), 'pass');
  expect((await tipAs(viewer, tip.id)).imageUrl).toBe(bare(picture.id));

  // Were the row read again, this (a change no route makes) would take the picture down.
  await t.db.update(uploads).set({ checkStatus: 'risky' }).where(eq(uploads.id, picture.id));
  expect((await tipAs(viewer, tip.id)).imageUrl).toBe(bare(picture.id));
  // A picture not passed is asked about on every answer.
  const pending = await uploadPicture(uploader, 'avatar');
  const second = await publishedTip(t.app, uploader, community.id, { imageUploadId: pending.id });
  expect((await tipAs(viewer, second.id)).imageUrl).toBeNull();
  await t.db.update(uploads).set({ checkStatus: 'pass' }).where(eq(uploads.id, pending.id));
  expect((await tipAs(viewer, second.id)).imageUrl).toBe(bare(pending.id));
});

it('takes a risky picture down everywhere it is used and tells the uploader in 消息, once', async () => {
  const { community, owner, member } = await communityWithTeam(t.app);
  const picture = await uploadPicture(member, 'avatar');
  await setAvatar(member, community.id, picture.id);
  const tip = await publishedTip(t.app, member, community.id, { imageUploadId: picture.id });
  await settle(t.db, community.id, member);
  const [slot] = await openSlots(t.app, community.id, member);
  const promotion = await requestSlot(t.app, community.id, member, slot!.id, { imageUploadId: picture.id });
  expect(promotion.statusCode).toBe(201);
  const promotionImages = async (viewer: SignedInUser) =>
    (
      await t.app.inject({
        url: `/api/communities/${community.id}/promotion-review`,
        headers: viewer.headers,
      })
    )
      .json<Array<{ id: string; imageUrl: string | null }>>()
      .filter((item) => item.id === promotion.json().id)
      .map((item) => item.imageUrl);
  expect(await promotionImages(owner)).toEqual([null]);
  const key = new URL(picture.url, 'http://x').searchParams.get('key');

  expect((await pushMediaCheckVerdict(t.app, traceOf(picture.id), 'risky')).statusCode).toBe(200);
  const afterFirst = await rowCounts(t.db);
  // WeChat pushes again (it did not hear our answer): nothing more changes.
  expect((await pushMediaCheckVerdict(t.app, traceOf(picture.id), 'risky')).statusCode).toBe(200);
  // A later, contrary verdict does not bring it back either.
  expect((await pushMediaCheckVerdict(t.app, traceOf(picture.id), 'pass')).statusCode).toBe(200);
  expect(await rowCounts(t.db)).toEqual(afterFirst);

  for (const viewer of [owner, member]) {
    expect((await profileOf(viewer, community.id, member.user.id)).avatarUrl).toBeNull();
    expect((await tipAs(viewer, tip.id)).imageUrl).toBeNull();
  }
  expect(await promotionImages(owner)).toEqual([null]);
  const mine = await t.app.inject({
    url: `/api/communities/${community.id}/promotion-requests/mine`,
    headers: member.headers,
  });
  expect(mine.json<Array<{ imageUrl: string | null }>>().map((item) => item.imageUrl)).toEqual([null]);
  expect((await fetchPicture(`${bare(picture.id)}?key=${key}`)).statusCode).toBe(404);
  expect((await fetchPicture(bare(picture.id))).statusCode).toBe(404);
  const reused = await setAvatar(member, community.id, picture.id);
  expect(reused.statusCode).toBe(422);
  expect(reused.json().code).toBe('IMAGE_REJECTED');

  await createNoticeDispatcher({ config: t.config, log: { info() {}, warn() {} } }).runOnce(
    t.db,
    t.clock.now(),
  );
  const inbox = await t.app.inject({
    url: `/api/me/inbox?communityId=${community.id}`,
    headers: member.headers,
  });
  const rejected = inbox.json<InboxPage>().items.filter((item) => item.kind === 'picture_rejected');
  expect(rejected.map((item) => item.title)).toEqual(['图片未通过审核', '图片未通过审核', '图片未通过审核']);
  expect(rejected.map((item) => item.body).join('\n')).toContain('头像未通过微信内容安全检测');
  expect(rejected.map((item) => item.body).join('\n')).toContain(tip.title);
  expect(rejected.map((item) => item.body).join('\n')).toContain('推广「我的公众号涨粉复盘」');
});

it('keeps a picture WeChat wants reviewed pending, until a final verdict', async () => {
  const { community, owner, member } = await communityWithTeam(t.app);
  const picture = await uploadPicture(member, 'avatar');
  await setAvatar(member, community.id, picture.id);
  await pushMediaCheckVerdict(t.app, traceOf(picture.id), 'review');
  expect((await profileOf(owner, community.id, member.user.id)).avatarUrl).toBeNull();
  expect((await profileOf(member, community.id, member.user.id)).avatarUrl).toMatch(/\?key=/);
  await pushMediaCheckVerdict(t.app, traceOf(picture.id), 'pass');
  expect((await profileOf(owner, community.id, member.user.id)).avatarUrl).toBe(bare(picture.id));
});

it('applies a verdict that arrived before the trace id was recorded', async () => {
  const { community, owner, member } = await communityWithTeam(t.app);
  const nextTrace = `trace-${wechat.mediaCheckCalls.length + 1}`;
  expect((await pushMediaCheckVerdict(t.app, nextTrace, 'pass')).statusCode).toBe(200);
  const picture = await uploadPicture(member, 'avatar');
  expect(traceOf(picture.id)).toBe(nextTrace);
  await setAvatar(member, community.id, picture.id);
  expect((await profileOf(owner, community.id, member.user.id)).avatarUrl).toBe(bare(picture.id));
});

it('asks again from the background job when mediaCheckAsync fails, later each time', async () => {
  const { community, owner, member } = await communityWithTeam(t.app);
  wechat.mediaCheckBehaviour = () => ({ kind: 'status', status: 502 });
  const picture = await uploadPicture(member, 'avatar');
  await setAvatar(member, community.id, picture.id);
  const tries = () => wechat.mediaCheckCalls.filter((c) => c.body.media_url.includes(picture.id)).length;
  expect(tries()).toBe(1);
  const [stored] = await t.db.select().from(uploads).where(eq(uploads.id, picture.id));
  expect(stored).toMatchObject({
    checkStatus: 'pending',
    checkLastError: 'WECHAT_UNAVAILABLE',
    checkTraceId: null,
  });

  // First retry after 30 s, then twice as long each time.
  const job = createPictureCheckRequester({ config: t.config });
  const start = t.clock.now().getTime();
  expect(await job.runOnce(t.db, new Date(start + 20_000))).toBe(0);
  expect(await job.runOnce(t.db, new Date(start + 31_000))).toBe(1);
  expect(tries()).toBe(2);
  expect(await job.runOnce(t.db, new Date(start + 31_000 + 50_000))).toBe(0);
  wechat.mediaCheckBehaviour = () => ({ kind: 'ok' });
  expect(await job.runOnce(t.db, new Date(start + 31_000 + 61_000))).toBe(1);
  expect(tries()).toBe(3);
  expect(await job.runOnce(t.db, new Date(start + 3_600_000))).toBe(0);

  await pushMediaCheckVerdict(t.app, traceOf(picture.id), 'pass');
  expect((await profileOf(owner, community.id, member.user.id)).avatarUrl).toBe(bare(picture.id));
});

describe('the push route', () => {
  it('answers the handshake with echostr when signed with our token, and refuses it otherwise', async () => {
    const signed = await t.app.inject({
      url: '/api/wechat/push',
      query: { ...signedPushQuery(), echostr: 'echo-1234' },
    });
    expect(signed.statusCode).toBe(200);
    expect(signed.body).toBe('echo-1234');
    const forged = await t.app.inject({
      url: '/api/wechat/push',
      query: { ...signedPushQuery('someoneElsesToken'), echostr: 'echo-1234' },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('WECHAT_PUSH_SIGNATURE_INVALID');
  });

  it('refuses a verdict with a wrong signature and changes nothing', async () => {
    const { community, member } = await communityWithTeam(t.app);
    const picture = await uploadPicture(member, 'avatar');
    await setAvatar(member, community.id, picture.id);
    const before = await rowCounts(t.db);
    const query = signedPushQuery();
    const forgeries: Record<string, string>[] = [
      { ...query, signature: signedPushQuery('someoneElsesToken').signature },
      { ...query, nonce: 'changed' },
      { timestamp: query.timestamp!, nonce: query.nonce! },
    ];
    for (const forged of forgeries) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/wechat/push',
        query: forged,
        payload: {
          MsgType: 'event',
          Event: 'wxa_media_check',
          trace_id: traceOf(picture.id),
          result: { suggest: 'risky' },
        },
      });
      expect(response.statusCode).toBe(401);
    }
    expect(await rowCounts(t.db)).toEqual(before);
    expect((await profileOf(member, community.id, member.user.id)).avatarUrl).toMatch(/\?key=/);
  });

  it('answers 400 to a malformed verdict and success to events it does not handle', async () => {
    const push = (payload: unknown) =>
      t.app.inject({
        method: 'POST',
        url: '/api/wechat/push',
        query: signedPushQuery(),
        payload: payload as object,
      });
    expect(
      (await push({ MsgType: 'event', Event: 'wxa_media_check', result: { suggest: 'pass' } })).statusCode,
    ).toBe(400);
    expect(
      (
        await push({
          MsgType: 'event',
          Event: 'wxa_media_check',
          trace_id: 'x',
          result: { suggest: 'maybe' },
        })
      ).statusCode,
    ).toBe(400);
    expect((await push({ ToUserName: 'gh_test', Encrypt: 'c2VjcmV0' })).statusCode).toBe(400);
    expect((await push({ MsgType: 42 })).statusCode).toBe(400);
    const labelledAsText = await t.app.inject({
      method: 'POST',
      url: '/api/wechat/push',
      query: signedPushQuery(),
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ MsgType: 'event', Event: 'wxa_media_check', trace_id: 'x', result: {} }),
    });
    expect(labelledAsText.statusCode).toBe(400);
    expect(labelledAsText.json().fields).toEqual({ 'result.suggest': expect.any(String) });
    const other = await push({ MsgType: 'event', Event: 'user_enter_tempsession' });
    expect(other.statusCode).toBe(200);
    expect(other.body).toBe('success');
  });

  it('writes nothing for a verdict on a trace it never asked about, beyond keeping it a day', async () => {
    const pendingNotices = async () =>
      (
        await t.db
          .select({ n: count() })
          .from(notices)
          .where(and(eq(notices.kind, 'picture_rejected')))
      )[0]!.n;
    const before = await pendingNotices();
    expect((await pushMediaCheckVerdict(t.app, 'trace-from-elsewhere', 'risky')).statusCode).toBe(200);
    expect(await pendingNotices()).toBe(before);
  });
});
