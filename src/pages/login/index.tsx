import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { DevLogin } from '@/features/auth/components/dev-login';

export default function LoginPage() {
  const { params } = useRouter();
  return (
    <View className="page">
      <DevLogin returnTo={params.returnTo} />
    </View>
  );
}
