import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
    path: expect.stringMatching(/^\/(pages|member|owner)\//),
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
    const queries: Record<string, Record<string, string>> = {
      'member/tip/index': { id: tip.id },
      'member/session/index': { id: session.id },
      'member/profile/index': { userId: member.userId },
      'member/tag/index': { tag: encodeURIComponent(tag) },
      'owner/tip-editor/index': { id: tip.id },
      'owner/session-editor/index': { id: session.id },
      'owner/attendance/index': { id: session.id },
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
