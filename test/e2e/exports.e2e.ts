import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { logInAs, onPage, phoneBrowser } from './browser';

describe('the team’s spreadsheets in the browser', () => {
  const phone = phoneBrowser();

  it('the secretary finds members by tag, downloads the member list as xlsx, and sees the export in the log', async () => {
    await logInAs(phone.page, '陈秘书');
    await phone.page.locator('.taro-tabbar__tabbar').getByText('我的').click();
    await onPage(phone.page, '/pages/me/index').locator('.members-entry').click();

    const members = onPage(phone.page, '/owner/members/index');
    await members.locator('.member-directory__name', { hasText: '李根' }).waitFor();
    await members.locator('.member-search__input input').fill('烘焙');
    await members.locator('.member-search__go').click();
    await members.locator('.member-directory__name', { hasText: '刘晓' }).waitFor();
    expect(await members.locator('.member-directory__name', { hasText: '李根' }).count()).toBe(0);
    const logLines = await members.locator('.export-record').count();

    const [download] = await Promise.all([
      phone.page.waitForEvent('download'),
      members.locator('.export-members').click(),
    ]);
    expect(download.suggestedFilename()).toBe('一起走上10万+之路-成员名单.xlsx');
    const file = join(mkdtempSync(join(tmpdir(), 'qy-export-')), 'members.xlsx');
    await download.saveAs(file);
    const [sheet] = await readXlsxFile(file);
    expect(sheet!.data[0]).toEqual(['序号', '昵称', '角色', '标签', '入群时间', '邀请人']);
    expect(sheet!.data.map((row) => row[1])).toEqual(expect.arrayContaining(['李根', '王小雪', '陈秘书']));
    expect(sheet!.data.find((row) => row[1] === '王小雪')?.[2]).toBe('管理员');

    await members.locator('.export-record').nth(logLines).waitFor();
    await members.locator('.export-record__who', { hasText: '陈秘书' }).first().waitFor();
  });
});
