/** Evidence photos of a rectification answer, from the temporary URLs the server returns; tap to enlarge. */
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';

export function Photos({ urls }: { urls: readonly string[] }) {
  const shown = urls.filter(Boolean);
  if (shown.length === 0) return null;
  return (
    <View className='photos' aria-label={`照片 ${shown.length} 张`}>
      {shown.map((url, i) => (
        <Image
          key={url}
          className='photo'
          src={url}
          mode='aspectFill'
          aria-label={`照片${i + 1}，点击查看大图`}
          onClick={() => void Taro.previewImage({ urls: [...shown], current: url })}
        />
      ))}
      <Text className='text text--small'>{`共 ${shown.length} 张`}</Text>
    </View>
  );
}
