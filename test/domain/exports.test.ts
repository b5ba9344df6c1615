import { exportFileName, memberSheet, sheetName, signupSheet } from '../../src/domain/exports';

describe('export sheets', () => {
  const at = new Date('2026-11-26T12:30:00Z');

  it('lists sign-ups with status, guests and attendance once the session started', () => {
    const rows = [
      {
        nickname: '张三丰',
        status: 'confirmed' as const,
        guests: 1,
        position: null,
        signedUpAt: at,
        checkedInAt: at,
      },
      {
        nickname: '刘晓',
        status: 'confirmed' as const,
        guests: 0,
        position: null,
        signedUpAt: at,
        checkedInAt: null,
      },
      {
        nickname: '赵敏',
        status: 'waitlisted' as const,
        guests: 0,
        position: 1,
        signedUpAt: at,
        checkedInAt: null,
      },
    ];
    expect(signupSheet('周六烘焙课', rows, true).rows).toEqual([
      ['序号', '昵称', '报名状态', '同行人数', '签到', '签到时间', '报名时间'],
      [1, '张三丰', '已报名', 1, '到场', '2026-11-26 20:30', '2026-11-26 20:30'],
      [2, '刘晓', '已报名', 0, '缺席', '', '2026-11-26 20:30'],
      [3, '赵敏', '候补第 1 位', 0, '', '', '2026-11-26 20:30'],
    ]);
    expect(signupSheet('周六烘焙课', rows, false).rows[2]![4]).toBe('');
  });

  it('lists members with role, tags, arrival and inviter', () => {
    const sheet = memberSheet('读书会', [
      { nickname: '李根', role: 'owner', tags: ['写作', '烘焙'], joinedAt: at, invitedBy: null },
      { nickname: '阿青', role: 'member', tags: [], joinedAt: at, invitedBy: '李根' },
    ]);
    expect(sheet.rows.slice(1)).toEqual([
      [1, '李根', '群主', '写作、烘焙', '2026-11-26 20:30', ''],
      [2, '阿青', '成员', '', '2026-11-26 20:30', '李根'],
    ]);
  });

  it('names sheets and files in a way Excel and file systems accept', () => {
    expect(sheetName('周六[烘焙]课: 第1期/共3期')).toBe('周六 烘焙 课  第1期 共3期');
    expect(Array.from(sheetName('长'.repeat(40)))).toHaveLength(31);
    expect(exportFileName('session_signups', '周六烘焙课 / 第1期')).toBe(
      '周六烘焙课   第1期-活动报名与签到.xlsx',
    );
    expect(exportFileName('members', '')).toBe('群友圈-成员名单.xlsx');
  });
});
