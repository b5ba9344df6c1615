import { ComingSoon } from '@/components/coming-soon';

export default function TipsPage() {
  return (
    <ComingSoon title="技巧" description="群友分享的实用技巧，按标签找到适合你的，试过后还能留下心得。" />
  );
}
