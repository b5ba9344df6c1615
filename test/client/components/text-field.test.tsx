import { render, screen } from '@testing-library/react';
import { TextField } from '@/components/text-field';

test('a pasted title over the limit is kept whole and says by how much it is over, instead of being cut', () => {
  const title = '周末烘焙小班：从戚风蛋糕到草莓奶油蛋糕，零基础也能学会的三个小技巧';
  const { container } = render(<TextField label="标题" value={title} max={20} onChange={() => {}} />);
  expect((container.querySelector('input') as HTMLInputElement).value).toBe(title);
  expect(container.querySelector('.field__count--over')?.textContent).toBe(`${title.length}/20`);
  expect(screen.getByText(`超出 ${title.length - 20} 个字，最多 20 个字`)).toBeTruthy();
});

test('within the limit: the count only, no message', () => {
  const { container } = render(<TextField label="标题" value="周末烘焙小班" max={20} onChange={() => {}} />);
  expect(container.querySelector('.field__count')?.textContent).toBe('6/20');
  expect(container.querySelector('.field__problem')).toBeNull();
});
