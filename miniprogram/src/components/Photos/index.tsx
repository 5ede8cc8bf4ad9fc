/**
 * Evidence photos of a rectification answer. In the cloud build an Image shows a `cloud://`
 * file directly; the local emulator serves files only through signed URLs the contract does
 * not carry yet, so there each photo is listed by number.
 */
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { BACKEND } from '@/config/env';

export function Photos({ photos }: { photos: readonly string[] }) {
  if (photos.length === 0) return null;
  const canShow = BACKEND === 'cloud' && process.env.TARO_ENV === 'weapp';
  return (
    <View className='photos' aria-label={`照片 ${photos.length} 张`}>
      {photos.map((p, i) =>
        canShow ? (
          <Image
            key={p}
            className='photo'
            src={p}
            mode='aspectFill'
            aria-label={`照片${i + 1}`}
            onClick={() => void Taro.previewImage({ urls: [...photos], current: p })}
          />
        ) : (
          <View key={p} className='tag'>{`照片${i + 1}`}</View>
        ),
      )}
    </View>
  );
}
