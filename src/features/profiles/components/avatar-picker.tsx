import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { MemberAvatar } from '@/components/member-avatar';
import { withPermission } from '@/lib/device-permission';
import { isPictureUnderCheck, uploadImage } from '@/lib/uploads';
import { useSubmit } from '@/lib/use-submit';

interface AvatarPickerProps {
  nickname: string;
  avatarUrl: string | null;
  onUploaded: (upload: { id: string; url: string }) => void;
}

/**
 * In WeChat, its own avatar chooser (the member's WeChat avatar, the album or the camera);
 * in the H5 build, an image picker. Either way the file goes to /api/uploads.
 */
export function AvatarPicker({ nickname, avatarUrl, onUploaded }: AvatarPickerProps) {
  const { busy: uploading, run } = useSubmit();

  async function send(filePath: string | undefined) {
    if (!filePath) return;
    const upload = await run(() => uploadImage(filePath, 'avatar'));
    if (upload) onUploaded(upload);
  }

  async function chooseInBrowser() {
    const chosen = await withPermission('camera', () =>
      Taro.chooseImage({ count: 1, sizeType: ['compressed'] }),
    );
    await send(chosen?.tempFilePaths[0]);
  }

  const face = (
    <View className="avatar-picker__face">
      <MemberAvatar nickname={nickname} avatarUrl={avatarUrl} />
      <Text className="hint">
        {uploading
          ? '上传中…'
          : isPictureUnderCheck(avatarUrl)
            ? '头像审核中，通过后其他成员才能看到'
            : '点击更换头像'}
      </Text>
    </View>
  );

  if (process.env.TARO_ENV === 'weapp') {
    return (
      <Button
        className="avatar-picker"
        openType="chooseAvatar"
        onChooseAvatar={(event) => send((event.detail as { avatarUrl?: string }).avatarUrl)}
      >
        {face}
      </Button>
    );
  }
  return (
    <View className="avatar-picker" onClick={chooseInBrowser}>
      {face}
    </View>
  );
}
