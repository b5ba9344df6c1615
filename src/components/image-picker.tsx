import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '@/components/action-button';
import type { PictureUse } from '@/domain/uploads';
import { withPermission } from '@/lib/device-permission';
import { imageSrc } from '@/lib/image-src';
import { isPictureUnderCheck, uploadImage } from '@/lib/uploads';
import { useSubmit } from '@/lib/use-submit';

interface ImagePickerProps {
  /** The picture shown now (the saved one, or the one just chosen). */
  url: string | null;
  /** A new upload, or null to remove the picture. */
  onChange: (upload: { id: string; url: string } | null) => void;
  /** Names the field for styling and tests, e.g. `tip-image`: `tip-image-choose`, `tip-image-remove`. */
  name: string;
  use: PictureUse;
}

/** An optional picture: chosen from the album or camera and uploaded at once (the server checks type and size). */
export function ImagePicker({ url, onChange, name, use }: ImagePickerProps) {
  const { busy: uploading, run } = useSubmit();
  const choose = async () => {
    // A closed picker is quiet; a refused camera is explained, with 去设置.
    const chosen = await withPermission('camera', () =>
      Taro.chooseImage({ count: 1, sizeType: ['compressed'] }),
    );
    const path = chosen?.tempFilePaths[0];
    if (!path) return;
    const upload = await run(() => uploadImage(path, use));
    if (upload) onChange(upload);
  };
  return (
    <View className={`field image-picker ${name}-picker`}>
      {url && <Image className="image-picker__image" src={imageSrc(url)} mode="widthFix" />}
      {isPictureUnderCheck(url) && <Text className="hint">图片审核中，通过后其他成员才能看到</Text>}
      <View className="button-row">
        <ActionButton
          variant="mini"
          className={`${name}-choose`}
          loading={uploading}
          disabled={uploading}
          onClick={choose}
        >
          {url ? '换一张图片' : '添加图片（可选）'}
        </ActionButton>
        {url && (
          <ActionButton variant="mini" className={`${name}-remove`} onClick={() => onChange(null)}>
            移除图片
          </ActionButton>
        )}
      </View>
    </View>
  );
}
