import { Image, View } from '@tarojs/components';
import { imageSrc } from '@/lib/image-src';
import './member-avatar.scss';

export function MemberAvatar({
  nickname,
  avatarUrl,
  size = 'large',
}: {
  nickname: string;
  avatarUrl: string | null;
  size?: 'large' | 'small';
}) {
  const className = `avatar member-avatar member-avatar--${size}`;
  if (avatarUrl) return <Image className={className} src={imageSrc(avatarUrl)} mode="aspectFill" />;
  return <View className={`${className} avatar--initial`}>{Array.from(nickname)[0] ?? '友'}</View>;
}
