import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { messageFor } from '@/domain/error-codes';
import { ownPagePattern } from '@/domain/page-paths';
import { slotLabel } from '@/features/promotions/slot-label';
import { startWeappApiServer, type WeappApiServer } from './api-server';
import { createFakeWx, type FakeWx } from './fake-wx';
import { MiniProgram, type PageHandle } from './mini-program';
import { buildWeapp, repoRoot, testApiBase } from './weapp-build';
import { WxmlRenderer } from './wxml-renderer';

const dist = path.join(repoRoot, 'dist');
// The fake WeChat answers the app's login codes with the openid the demo seed gave 李根 (dev users
// are `dev:<nickname>`), so the WeChat login lands on the seeded 群主 and every page has content.
const demoOwner = { openid: 'dev:李根', nickname: '李根' };

let api: WeappApiServer;
let fake: FakeWx;
let app: MiniProgram;
let renderer: WxmlRenderer;
let callsAtLaunch: FakeWx['calls'];
/** 李根's API token, for what the test sets up through the API. */
let ownerToken: string;
/** What the test reads straight from the API, as 李根, to know what the pages should show. */
let demo: {
  communityId: string;
  goal: string;
  tips: { id: string; title: string; tags: string[] }[];
  sessions: { id: string; title: string }[];
  slots: { startsAt: string; endsAt: string }[];
  members: { userId: string; nickname: string }[];
  /** Who signed up for the first session. */
  attendees: { nickname: string }[];
};

async function getAsOwner<T>(token: string, apiPath: string): Promise<T> {
  const response = await fetch(`${api.url}${apiPath}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${apiPath}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function readDemo(): Promise<typeof demo> {
  const login = await fetch(`${api.url}/api/auth/wechat`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: api.loginCodeFor(demoOwner.openid) }),
  });
  const { token } = (await login.json()) as { token: string };
  ownerToken = token;
  const me = await getAsOwner<{ memberships: { communityId: string }[] }>(token, '/api/me');
  const communityId = me.memberships[0]!.communityId;
  const base = `/api/communities/${communityId}`;
  const [community, tips, sessions, slots, members] = await Promise.all([
    getAsOwner<{ goal: string }>(token, base),
    getAsOwner<{ items: { id: string; title: string; tags: string[] }[] }>(token, `${base}/tips?sort=latest`),
    getAsOwner<{ items: { id: string; title: string }[] }>(token, `${base}/sessions`),
    getAsOwner<{ startsAt: string; endsAt: string }[]>(token, `${base}/promotion-slots`),
    getAsOwner<{ userId: string; nickname: string }[]>(token, `${base}/members`),
  ]);
  const attendance = await getAsOwner<{ attendees: { nickname: string }[] }>(
    token,
    `/api/sessions/${sessions.items[0]!.id}/attendance`,
  );
  return {
    attendees: attendance.attendees,
    communityId,
    goal: community.goal,
    tips: tips.items,
    sessions: sessions.items,
    slots,
    members,
  };
}

async function postAsOwner<T>(apiPath: string, body: unknown = {}): Promise<T> {
  const response = await fetch(`${api.url}${apiPath}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ownerToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${apiPath}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

let checkInSession: Promise<{ id: string; title: string }> | undefined;

/**
 * A session starting in 10 minutes (check-in opens 30 minutes before the start), 李根 signed up and
 * check-in opened: made once, when a case first needs it.
 */
function sessionWithCheckInOpen() {
  checkInSession ??= (async () => {
    const startsAt = new Date(Date.now() + 10 * 60_000).toISOString();
    const session = await postAsOwner<{ id: string; title: string }>(
      `/api/communities/${demo.communityId}/sessions`,
      {
        title: '扫码签到试一下',
        description: '到了扫主持人手机上的码。',
        startsAt,
        durationMinutes: 30,
        mode: 'online',
        meetingLink: 'https://meeting.tencent.com/dm/qy-scan',
        capacity: 5,
        materials: [],
        tags: ['小技巧'],
      },
    );
    await postAsOwner(`/api/sessions/${session.id}/signups`);
    await postAsOwner(`/api/sessions/${session.id}/check-in-code`);
    return session;
  })();
  return checkInSession;
}

const openPages: PageHandle[] = [];
/** The first texts each booted page showed, printed at the end: what the test saw, page by page. */
const booted = new Map<string, string>();

function remember(page: PageHandle): string {
  const text = page.text();
  booted.set(page.instance.route, text.split('\n').slice(0, 6).join(' | '));
  return text;
}

/** Opens a page, checks that it shares our card from its first frame, and lets it load. */
async function open(route: string, query: Record<string, string> = {}): Promise<PageHandle> {
  const page = app.openPage(route, query);
  openPages.push(page);
  expect(page.shareCard()).toEqual({
    title: expect.any(String),
    path: expect.stringMatching(ownPagePattern),
  });
  await app.settle();
  remember(page);
  return page;
}

/** What went wrong while the pages ran: thrown errors, console.error, failed answers, error cards. */
function problems(page: PageHandle): string[] {
  return [
    ...app.errors.map((error) => `error: ${error instanceof Error ? error.stack : String(error)}`),
    ...fake.responses
      .filter((response) => response.status >= 400)
      .map((response) => `${response.status} ${response.method} ${response.url}`),
    ...fake.strayRequests.map((url) => `request outside the API address: ${url}`),
    ...(page.find('load-error') ? [`${page.instance.route} shows: ${page.text()}`] : []),
    ...renderer.warnings.map((warning) => `template: ${warning}`),
  ];
}

beforeAll(async () => {
  // The build and the server's first start (database, migrations, demo seed) run side by side.
  const [build, server] = await Promise.all([buildWeapp(testApiBase), startWeappApiServer()]);
  api = server;
  if (build.code !== 0) throw new Error(`weapp build failed:\n${build.output.slice(-4000)}`);
  demo = await readDemo();
  fake = createFakeWx({
    apiBase: testApiBase,
    serverUrl: api.url,
    nextLoginCode: () => api.loginCodeFor(demoOwner.openid),
  });
  renderer = new WxmlRenderer(dist);
  app = new MiniProgram(dist, fake, renderer);
  app.launch({ path: 'pages/index/index' });
  callsAtLaunch = [...fake.calls];
}, 300_000);

afterAll(async () => {
  const lines = [...booted].map(([route, text]) => `  ${route.padEnd(28)} ${text}`);
  process.stdout.write(`\nPages booted in the WeChat build, with their first texts:\n${lines.join('\n')}\n`);
  app?.close();
  await api?.close();
});

afterEach(() => {
  for (const page of openPages.splice(0)) app.closePage(page);
});

describe('the WeChat build as it runs', () => {
  it('has no demo login page: WeChat signs in silently', () => {
    expect(app.allPages()).not.toContain('pages/login/index');
    expect(app.allPages()).toContain('pages/index/index');
  });

  it('首页 shares our card before sign-in finishes, signs in through WeChat and shows the community goal', async () => {
    const home = app.openPage('pages/index/index');
    openPages.push(home);
    // Still signing in: the card is ours all the same.
    expect(fake.responses.some((response) => response.url.endsWith('/api/auth/wechat'))).toBe(false);
    expect(home.shareCard()).toEqual({ title: '群友圈', path: '/pages/index/index' });

    await app.settle();
    expect(problems(home)).toEqual([]);
    expect(remember(home)).toContain(demo.goal);
    expect(home.shareCard()?.path).toMatch(/^\/entry\/community-join\/index\?code=/);
    const wechatLogins = fake.calls.filter((call) => call.api === 'login');
    expect(wechatLogins).toHaveLength(1);
  });

  it('asks for the subscribe-message template ids at launch, before any page', () => {
    expect(callsAtLaunch).toContainEqual({
      api: 'request',
      options: expect.objectContaining({ url: `${testApiBase}/api/config/client` }),
    });
  });

  it('技巧 shows the tips of the API', async () => {
    const tips = await open('pages/tips/index');
    expect(problems(tips)).toEqual([]);
    const text = tips.text();
    for (const tip of demo.tips.slice(0, 3)) expect(text).toContain(tip.title);
  });

  it('活动 shows the coming sessions', async () => {
    const sessions = await open('pages/sessions/index');
    expect(problems(sessions)).toEqual([]);
    expect(sessions.text()).toContain(demo.sessions[0]!.title);
  });

  it('推广 shows the promotion slots', async () => {
    const promotions = await open('pages/promotions/index');
    expect(problems(promotions)).toEqual([]);
    expect(promotions.text()).toContain(slotLabel(demo.slots[0]!));
  });

  it('我的 shows the member', async () => {
    const me = await open('pages/me/index');
    expect(problems(me)).toEqual([]);
    expect(me.text()).toContain(demoOwner.nickname);
  });

  it('every other page of the main package and the subpackages boots and shares our card', async () => {
    const tip = demo.tips[0]!;
    const session = demo.sessions[0]!;
    const member = demo.members.find((m) => m.nickname !== demoOwner.nickname)!;
    const tag = tip.tags[0]!;
    const underway = await sessionWithCheckInOpen();
    const queries: Record<string, Record<string, string>> = {
      'member/tip/index': { id: tip.id },
      'member/session/index': { id: session.id },
      'member/profile/index': { userId: member.userId },
      'member/tag/index': { tag: encodeURIComponent(tag) },
      'owner/tip-editor/index': { id: tip.id },
      'owner/session-editor/index': { id: session.id },
      'owner/attendance/index': { id: session.id },
      'member/check-in-pass/index': { id: underway.id },
      'member/report/index': { communityId: demo.communityId, targetKind: 'tip', targetId: tip.id },
    };
    // What each page shows once loaded, where the API says what that is.
    const expected: Record<string, string> = {
      'member/tip/index': tip.title,
      'member/session/index': session.title,
      'member/profile/index': member.nickname,
      'member/tag/index': tag,
      'owner/tip-editor/index': tip.title,
      'owner/session-editor/index': session.title,
      'owner/attendance/index': demo.attendees[0]!.nickname,
      'member/privacy/index': '群友圈隐私保护指引',
      'member/check-in-pass/index': demoOwner.nickname,
      'member/report/index': '举报这条干货',
    };
    const tabs = app.appJson.tabBar!.list.map((tab) => tab.pagePath);
    const others = app.allPages().filter((route) => !tabs.includes(route));
    // Both subpackages are in: app.json's subPackages are read, not only its pages.
    expect(others).toEqual(expect.arrayContaining(['member/session/index', 'owner/dashboard/index']));

    for (const route of others) {
      const page = await open(route, queries[route]);
      expect({ route, problems: problems(page) }).toEqual({ route, problems: [] });
      const text = page.text();
      expect({ route, text }).toEqual({ route, text: expect.stringContaining(expected[route] ?? '') });
      expect(text).not.toBe('');
      app.closePage(page);
      openPages.pop();
    }
  });

  it('a tap on 报名 asks for subscribe consent in the same tick, before anything else', async () => {
    const session = demo.sessions.find((s) => s.title.startsWith('PPT'))!;
    const page = await open('member/session/index', { id: session.id });
    expect(page.find('signup-button')).toBeDefined();

    const before = fake.calls.length;
    page.tap('signup-button');
    const duringTap = fake.calls.slice(before);

    expect(duringTap[0]).toEqual({
      api: 'requestSubscribeMessage',
      options: expect.objectContaining({
        tmplIds: [
          api.templateIds.sessionReminder,
          api.templateIds.waitlistPromoted,
          api.templateIds.sessionChanged,
        ],
      }),
    });
    await app.settle();
    expect(problems(page)).toEqual([]);
    const posted = fake.responses.filter((response) => response.method === 'POST').map((r) => r.url);
    expect(posted).toEqual(
      expect.arrayContaining([
        `${testApiBase}/api/sessions/${session.id}/signups`,
        `${testApiBase}/api/me/subscriptions`,
      ]),
    );
    expect(page.text()).toContain('已报名');
  });

  it('a refused calendar explains itself and offers 去设置, never the server-error toast', async () => {
    // 李根 is signed up for the PPT session since the 报名 case above.
    const session = demo.sessions.find((s) => s.title.startsWith('PPT'))!;
    const page = await open('member/session/index', { id: session.id });
    expect(page.find('add-to-calendar')).toBeDefined();
    fake.failNext('addPhoneCalendar', { errMsg: 'addPhoneCalendar:fail auth deny' });

    const before = fake.calls.length;
    page.tap('add-to-calendar');
    await app.settle();

    const after = fake.calls.slice(before).map((call) => call.api);
    expect(after).toEqual(expect.arrayContaining(['addPhoneCalendar', 'showModal', 'openSetting']));
    expect(after.indexOf('openSetting')).toBeGreaterThan(after.indexOf('showModal'));
    const modal = fake.calls.slice(before).find((call) => call.api === 'showModal')!;
    expect(modal.options).toMatchObject({ title: '需要日历权限', confirmText: '去设置' });
    const toasts = fake.calls.slice(before).filter((call) => call.api === 'showToast');
    expect(toasts.map((call) => (call.options as { title: string }).title)).not.toContain(
      messageFor('INTERNAL_ERROR'),
    );
    expect(problems(page)).toEqual([]);
  });

  it('a tap on 提交申请 (推广) asks for the result consent in the same tick', async () => {
    // A slot row of 推广 opens 申请推广 for that slot.
    const tab = await open('pages/promotions/index');
    const beforeTap = fake.calls.length;
    tab.tap('promotion-slot');
    const opened = fake.calls.slice(beforeTap).find((call) => call.api === 'navigateTo');
    const url = (opened?.options as { url?: string } | undefined)?.url ?? '';
    expect(url).toMatch(/^\/member\/promotion-request\/index\?slot=/);
    const slotId = new URLSearchParams(url.split('?')[1]).get('slot')!;
    const promotions = await open('member/promotion-request/index', { slot: slotId });
    expect(promotions.find('promotion-request-form')).toBeDefined();
    promotions.type('field--title', '周五分享：我的排版模板');
    promotions.type('field--content', '整理了十套公众号排版模板，免费给群友用，欢迎提意见。');
    await app.settle();

    const before = fake.calls.length;
    const answered = fake.responses.length;
    promotions.tap('promotion-submit');
    expect(fake.calls[before]).toEqual({
      api: 'requestSubscribeMessage',
      options: expect.objectContaining({ tmplIds: [api.templateIds.promotionResult] }),
    });
    await app.settle();
    expect(problems(promotions)).toEqual([]);
    const posted = fake.responses.slice(answered).filter((response) => response.method === 'POST');
    expect(posted).toEqual(
      expect.arrayContaining([
        {
          method: 'POST',
          url: `${testApiBase}/api/communities/${demo.communityId}/promotion-requests`,
          status: 201,
        },
        { method: 'POST', url: `${testApiBase}/api/me/subscriptions`, status: 200 },
      ]),
    );
  });

  it("a member's tap on 提交投稿 asks for the review-result consent in the same tick", async () => {
    // A plain member (the demo's 赵敏) in a mini program of their own: the team publishes, members suggest.
    const memberFake = createFakeWx({
      apiBase: testApiBase,
      serverUrl: api.url,
      nextLoginCode: () => api.loginCodeFor('dev:赵敏'),
    });
    const memberApp = new MiniProgram(dist, memberFake, renderer);
    try {
      memberApp.launch({ path: 'pages/index/index' });
      // 首页 signs in and picks the member's community; 投稿 is reached from 技巧 after that.
      memberApp.openPage('pages/index/index');
      await memberApp.settle();
      const editor = memberApp.openPage('owner/tip-editor/index');
      await memberApp.settle();
      expect({ suggest: editor.find('tip-suggest') !== undefined, text: editor.text() }).toMatchObject({
        suggest: true,
      });
      editor.type('field--title', '保鲜膜不粘手的小窍门');
      editor.type('field--body', '把保鲜膜放冰箱冷藏十分钟，撕的时候就不会粘成一团。');
      await memberApp.settle();

      const before = memberFake.calls.length;
      editor.tap('tip-suggest');
      expect(memberFake.calls[before]).toEqual({
        api: 'requestSubscribeMessage',
        options: expect.objectContaining({ tmplIds: [api.templateIds.tipResult] }),
      });
      await memberApp.settle();
      expect(memberApp.errors).toEqual([]);
      expect(memberFake.responses.filter((response) => response.method === 'POST')).toEqual(
        expect.arrayContaining([
          { method: 'POST', url: `${testApiBase}/api/communities/${demo.communityId}/tips`, status: 201 },
          { method: 'POST', url: `${testApiBase}/api/me/subscriptions`, status: 200 },
        ]),
      );
    } finally {
      memberApp.close();
    }
  });

  it("a tap on 扫码签到 opens WeChat's scanner and posts the host's code it read", async () => {
    const session = await sessionWithCheckInOpen();
    const { codes } = await getAsOwner<{ codes: { token: string }[] }>(
      ownerToken,
      `/api/sessions/${session.id}/check-in-qr`,
    );
    const page = await open('member/session/index', { id: session.id });
    expect(page.find('check-in__scan')).toBeDefined();
    fake.nextScan(codes[0]!.token);

    const before = fake.calls.length;
    page.tap('check-in__scan');
    await app.settle();

    const scan = fake.calls.slice(before).find((call) => call.api === 'scanCode');
    expect(scan?.options).toMatchObject({ onlyFromCamera: true, scanType: ['qrCode'] });
    expect(fake.responses).toContainEqual({
      method: 'POST',
      url: `${testApiBase}/api/sessions/${session.id}/check-in-qr/scan`,
      status: 200,
    });
    expect(problems(page)).toEqual([]);
    expect(page.text()).toContain('已签到');
  });

  it("a new avatar from WeChat's chooser goes to the API and shows from the API address", async () => {
    // A 1x1 PNG, as the chooser hands back a temp file path.
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'qy-weapp-avatar-')), 'avatar.png');
    writeFileSync(
      file,
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
        'base64',
      ),
    );
    fake.addTempFile('wxfile://tmp/avatar.png', file);
    const edit = await open('member/profile/edit');

    edit.dispatch('avatar-picker', 'chooseavatar', { avatarUrl: 'wxfile://tmp/avatar.png' });
    await app.settle();

    expect(problems(edit)).toEqual([]);
    expect(fake.responses).toContainEqual({ method: 'POST', url: `${testApiBase}/api/uploads`, status: 201 });
    const avatar = edit.find('member-avatar');
    expect(avatar?.tag).toBe('wx-image');
    expect(String(avatar?.attr?.src)).toMatch(/^https:\/\/api\.weapp-test\.invalid\/api\/uploads\/[\w-]+$/);
  });
});

describe('privacy', () => {
  it("the build turns on WeChat's privacy check and the app listens for it at launch", () => {
    expect((app.appJson as unknown as Record<string, unknown>).__usePrivacyCheck__).toBe(true);
    expect(callsAtLaunch.map((call) => call.api)).toContain('onNeedPrivacyAuthorization');
  });

  it('our popup asks: 同意 lets the waiting call go on, 拒绝 stops it; 我的 leads to the guide', async () => {
    const me = await open('pages/me/index');
    expect(me.find('privacy-popup')).toBeUndefined();

    const agreed = fake.needPrivacyAuthorization();
    await app.settle();
    expect(agreed).toEqual([]);
    expect(me.find('privacy-popup')).toBeDefined();
    expect(me.text()).toContain('请阅读并同意《隐私保护指引》');
    // WeChat checks that the button named in the answer was tapped; it takes the event only with
    // open-type agreePrivacyAuthorization (dispatch fails when the template does not bind it).
    expect(me.find('privacy-agree')?.attr?.id).toBe('privacy-agree');
    me.dispatch('privacy-agree', 'agreeprivacyauthorization');
    await app.settle();
    expect(agreed).toEqual([{ event: 'agree', buttonId: 'privacy-agree' }]);
    expect(me.find('privacy-popup')).toBeUndefined();

    const refused = fake.needPrivacyAuthorization();
    await app.settle();
    me.tap('privacy-refuse');
    await app.settle();
    expect(refused).toEqual([{ event: 'disagree' }]);
    expect(me.find('privacy-popup')).toBeUndefined();

    const before = fake.calls.length;
    me.tap('privacy-guide-entry');
    expect(fake.calls.slice(before)).toContainEqual({
      api: 'navigateTo',
      options: expect.objectContaining({ url: expect.stringMatching(/^\/member\/privacy\/index/) }),
    });
    expect(problems(me)).toEqual([]);
  });
});

describe('the release build checks its API address', () => {
  it.each([
    ['missing', '', /TARO_APP_API_BASE is empty/],
    ['plain http', 'http://api.example.com', /is not https:\/\//],
  ])('%s: stops with one line before building anything', async (_, address, message) => {
    const built = readFileSync(path.join(dist, 'app.js'), 'utf8');
    const result = await buildWeapp(address);
    expect(result.code).toBe(1);
    const lines = result.output.split('\n').filter((line) => /weapp build stopped/.test(line));
    expect(lines).toEqual([expect.stringMatching(message)]);
    expect(readFileSync(path.join(dist, 'app.js'), 'utf8')).toBe(built);
  });
});
