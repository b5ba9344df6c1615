import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ActionButton } from '@/components/action-button';
import { uploadImage } from '@/features/profiles/api/upload-image';
import { imageSrc } from '@/features/profiles/page-paths';
import { showErrorToast } from '@/lib/show-error-toast';

interface TipImagePickerProps {
  /** The picture shown now (the tip's, or the one just chosen). */
  url: string | null;
  /** A new upload, or null to remove the picture. */
  onChange: (upload: { id: string; url: string } | null) => void;
}

/** An optional picture: chosen from the album or camera, uploaded at once (same rules as avatars). */
export function TipImagePicker({ url, onChange }: TipImagePickerProps) {
  const [uploading, setUploading] = useState(false);
  const choose = async () => {
    let path: string | undefined;
    try {
      path = (await Taro.chooseImage({ count: 1, sizeType: ['compressed'] })).tempFilePaths[0];
    } catch {
      return; // the member closed the picker
    }
    if (!path) return;
    setUploading(true);
    try {
      onChange(await uploadImage(path));
    } catch (error) {
      showErrorToast(error);
    } finally {
      setUploading(false);
    }
  };
  return (
    <View className="field tip-image-picker">
      {url && <Image className="tip-detail__image" src={imageSrc(url)} mode="widthFix" />}
      <View className="button-row">
        <ActionButton
          variant="mini"
          className="tip-image-choose"
          loading={uploading}
          disabled={uploading}
          onClick={choose}
        >
          {url ? '换一张图片' : '添加图片（可选）'}
        </ActionButton>
        {url && (
          <ActionButton variant="mini" className="tip-image-remove" onClick={() => onChange(null)}>
            移除图片
          </ActionButton>
        )}
      </View>
    </View>
  );
}
