import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { TagEditor } from '@/features/tags/components/tag-editor';

function Harness({ initial = [] as string[], suggestions = ['烘焙', 'pokemon go', 'ppt技巧'] }) {
  const [tags, setTags] = useState(initial);
  return (
    <>
      <TagEditor value={tags} onChange={setTags} suggestions={suggestions} />
      <output data-testid="tags">{tags.join('|')}</output>
    </>
  );
}

const held = () => screen.getByTestId('tags').textContent;
const input = () => document.querySelector('.tag-editor__input') as HTMLInputElement;

test('shows the normalised form live and adds it', () => {
  render(<Harness />);
  fireEvent.change(input(), { target: { value: '＃ＰＯＫＥＭＯＮ　Ｇｏ＃' } });
  expect(screen.getByText('将保存为 #pokemon go')).toBeTruthy();
  fireEvent.click(screen.getByText('添加'));
  expect(held()).toBe('pokemon go');
  expect(input().value).toBe('');
});

test('explains a tag that is too long or empty instead of adding it', () => {
  render(<Harness />);
  fireEvent.change(input(), { target: { value: '一二三四五六七八九十一二三' } });
  expect(screen.getByText('标签最多 12 个字')).toBeTruthy();
  expect((screen.getByText('添加') as HTMLButtonElement).disabled).toBe(true);
  fireEvent.change(input(), { target: { value: '##' } });
  expect(screen.getByText('标签不能为空')).toBeTruthy();
  expect(held()).toBe('');
});

test('says when a typed tag is already chosen', () => {
  render(<Harness initial={['烘焙']} />);
  expect(input().placeholder).toBe('写一个新标签，如 #烘焙');
  fireEvent.change(input(), { target: { value: '#烘焙' } });
  expect(screen.getByText('已经有 #烘焙 了')).toBeTruthy();
  fireEvent.change(input(), { target: { value: '#烘焙#' } });
  expect(screen.getByText('已经有 #烘焙 了')).toBeTruthy();
  expect((screen.getByText('添加') as HTMLButtonElement).disabled).toBe(true);
});

test('picks a suggestion with one tap and removes a chosen tag with one tap', () => {
  render(<Harness initial={['烘焙']} />);
  fireEvent.click(document.querySelector('.tag-suggestion:nth-child(2)')!);
  expect(held()).toBe('烘焙|pokemon go');
  fireEvent.click(document.querySelector('.tag-editor__chosen .tag-chip')!);
  expect(held()).toBe('pokemon go');
});

test('explains the 8-tag limit when full instead of silently ignoring a tap', () => {
  render(<Harness initial={['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']} />);
  expect(screen.getByText('8/8')).toBeTruthy();
  const limit = document.querySelector('.tag-editor__limit')!;
  expect(limit.textContent).toContain('已选满 8 个标签');
  expect(limit.className).not.toContain('tag-editor__limit--warn');
  fireEvent.click(screen.getByText('#烘焙'));
  expect(held()).toBe('a|b|c|d|e|f|g|h');
  expect(document.querySelector('.tag-editor__limit')!.className).toContain('tag-editor__limit--warn');

  fireEvent.click(document.querySelector('.tag-editor__chosen .tag-chip')!);
  fireEvent.click(screen.getByText('#烘焙'));
  expect(held()).toBe('b|c|d|e|f|g|h|烘焙');
});
