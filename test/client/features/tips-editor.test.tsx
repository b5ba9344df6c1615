import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { TipForm } from '@/features/tips/components/tip-form';
import { taroTest } from '../shims/taro';
import { signInForTest } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';
import { tipDetail } from '../support/tip-card';

beforeEach(() => {
  taroTest.reset();
  signInForTest();
});

const type = (selector: string, value: string) =>
  fireEvent.input(document.querySelector(selector)!, { target: { value } });

test('counts characters as typed, previews the normalised tip, and publishes it', async () => {
  mockApi({
    'POST /api/communities/c1/tips': (call) => ({
      status: 201,
      body: { id: 't9', ...(call.data as object) },
    }),
  });
  const onSaved = jest.fn();
  render(<TipForm communityId="c1" canPublish onSaved={onSaved} />);

  expect(screen.getByText('立即发布').closest('button')!.className).toContain('is-disabled');
  type('.field--title input', '猕猴桃去皮');
  expect(screen.getByText('5/30')).toBeTruthy();
  type('.field--body textarea', '切掉尾巴，用勺子转一圈');
  type('.field--step-1 input', '切掉两头');
  type('.field--tags input', '#烘焙# ＃PPT技巧');

  const preview = document.querySelector('.tip-preview')!;
  expect(preview.textContent).toContain('#烘焙');
  expect(preview.textContent).toContain('#ppt技巧');

  fireEvent.click(screen.getByText('立即发布'));
  await waitFor(() => expect(onSaved).toHaveBeenCalled());
  expect(requestCalls()[0]!.data).toEqual({
    title: '猕猴桃去皮',
    body: '切掉尾巴，用勺子转一圈',
    steps: ['切掉两头'],
    tags: ['烘焙', 'ppt技巧'],
    minutes: 5,
  });
});

test('a member only suggests, and sees what is wrong before sending', () => {
  render(<TipForm communityId="c1" canPublish={false} onSaved={jest.fn()} />);
  expect(screen.queryByText('立即发布')).toBeNull();
  expect(screen.queryByText('定时发布')).toBeNull();
  type('.field--minutes input', '90');
  expect(screen.getByText('用时 1-60 分钟')).toBeTruthy();
  expect(screen.getByText('提交投稿').closest('button')!.className).toContain('is-disabled');
});

test('schedules at the day and time picked, read as China time', async () => {
  mockApi({
    'POST /api/communities/c1/tips': (call) => ({
      status: 201,
      body: { id: 't9', ...(call.data as object) },
    }),
  });
  const onSaved = jest.fn();
  render(<TipForm communityId="c1" canPublish onSaved={onSaved} />);
  type('.field--title input', '猕猴桃去皮');
  type('.field--body textarea', '切掉尾巴，用勺子转一圈');
  type('.field--step-1 input', '切掉两头');

  const picker = (mode: string) =>
    document.querySelector(`.field--publish-at input[aria-label="picker-${mode}"]`)!;
  fireEvent.change(picker('date'), { target: { value: '2031-05-04' } });
  fireEvent.change(picker('time'), { target: { value: '07:30' } });
  expect(document.querySelector('.field--publish-at')!.textContent).toContain('2031-05-04');
  fireEvent.click(screen.getByText('定时发布'));

  await waitFor(() => expect(onSaved).toHaveBeenCalled());
  expect(requestCalls()[0]!.data).toMatchObject({ publishAt: '2031-05-03T23:30:00.000Z' });
});

test('a new, untouched form says what it needs in a hint; the errors come once something is typed', () => {
  render(<TipForm communityId="c1" canPublish onSaved={jest.fn()} />);
  expect(screen.getByText('写好标题和内容后就可以发布了')).toBeTruthy();
  expect(screen.queryByText('请填写标题')).toBeNull();
  type('.field--title input', '猕猴桃去皮');
  expect(screen.queryByText('写好标题和内容后就可以发布了')).toBeNull();
  expect(document.querySelector('.tip-problem')?.textContent).toBe('请填写内容');
});

const previewTags = () =>
  Array.from(document.querySelectorAll('.tip-preview .tip-tag')).map((el) => el.textContent);

test('tags read as everywhere else, #烘焙 #勺子, and the chat form #烘焙# still works', () => {
  render(<TipForm communityId="c1" canPublish onSaved={jest.fn()} />);
  const tags = document.querySelector<HTMLInputElement>('.field--tags input')!;
  expect(tags.placeholder).toBe('#ppt技巧 #烘焙');
  type('.field--title input', '猕猴桃去皮');
  type('.field--body textarea', '切掉尾巴，用勺子转一圈');
  type('.field--tags input', '#烘焙 #勺子');
  expect(previewTags()).toEqual(['#烘焙', '#勺子']);
  type('.field--tags input', '#烘焙# #勺子#');
  expect(previewTags()).toEqual(['#烘焙', '#勺子']);
  type('.field--tags input', 'C# #烘焙 #pokemon go#');
  expect(previewTags()).toEqual(['#c#', '#烘焙', '#pokemon go']);
});

test('editing a tip shows its tags the way they are shown everywhere', () => {
  render(
    <TipForm
      communityId="c1"
      canPublish
      tip={tipDetail(1, { tags: ['烘焙', '勺子'] })}
      onSaved={jest.fn()}
    />,
  );
  expect(document.querySelector<HTMLInputElement>('.field--tags input')!.value).toBe('#烘焙 #勺子');
  expect(previewTags()).toEqual(['#烘焙', '#勺子']);
});
