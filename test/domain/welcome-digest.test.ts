import { welcomeText } from '../../src/domain/welcome-digest';

describe('welcomeText', () => {
  it('is empty when nobody joined', () => {
    expect(welcomeText('读书会', [])).toBe('');
  });

  it('names the tag most shared with the group and never mentions anyone', () => {
    const text = welcomeText('＠读书会', [
      {
        nickname: '@小林',
        invitedBy: '＠张三丰',
        tags: ['写作', '摄影'],
        sharedTags: [
          { tag: '摄影', others: 2 },
          { tag: '写作', others: 5 },
        ],
      },
      { nickname: '阿青', invitedBy: null, tags: ['烘焙'], sharedTags: [] },
    ]);
    expect(text).toBe(
      [
        '欢迎今天新加入「读书会」的 2 位朋友：',
        '· 小林（张三丰 邀请）：写作、摄影（和 5 位群友一样喜欢写作）',
        '· 阿青：烘焙',
        '标签相同的朋友，可以在「和我相似的人」里找到彼此。',
      ].join('\n'),
    );
  });

  it('welcomes a newcomer without tags by name alone: never points at what is missing', () => {
    const text = welcomeText('读书会', [{ nickname: '小林', invitedBy: null, tags: [] }]);
    expect(text.split('\n')[1]).toBe('· 小林');
    expect(text).not.toContain('还没有');
  });
});
