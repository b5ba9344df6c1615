import { Image, Text, View } from '@tarojs/components';
import { imageSrc } from '@/lib/image-src';
import { useLoginSession } from '@/lib/login-session';

export function UserCard() {
  const user = useLoginSession((state) => state.user);
  if (!user) return null;
  return (
    <View className="card user-card">
      {user.avatarUrl ? (
        <Image className="avatar" src={imageSrc(user.avatarUrl)} mode="aspectFill" />
      ) : (
        <View className="avatar avatar--initial">{Array.from(user.nickname)[0] ?? '友'}</View>
      )}
      <Text className="user-nickname">{user.nickname}</Text>
    </View>
  );
}
