import { Button, Text, View } from '@tarojs/components';
import { useLargeFont } from '@/hooks/useLargeFont';

/** 适老化: the large-font switch, stored on this device. */
export function LargeFontToggle() {
  const [large, setLarge] = useLargeFont();
  return (
    <View className='card'>
      <Text className='card__title'>显示设置</Text>
      <View className='row'>
        <Text className='row__label'>大字模式</Text>
        <Text className='row__value'>{large ? '已开启' : '已关闭'}</Text>
      </View>
      <Button
        className='btn btn--plain'
        aria-label={large ? '关闭大字模式' : '开启大字模式'}
        aria-pressed={large}
        onClick={() => setLarge(!large)}
      >
        {large ? '关闭大字模式' : '开启大字模式'}
      </Button>
    </View>
  );
}

export default LargeFontToggle;
