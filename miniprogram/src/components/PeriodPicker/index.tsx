/** The quarter chooser used by 积分, 季度考评 and 支部对比: one chip per quarter, the chosen one pressed. */
import { Button, Text, View } from '@tarojs/components';
import { periodLabel } from '@/domain/points';

export function PeriodPicker({ choices, value, onChange }: { choices: readonly string[]; value: string; onChange: (period: string) => void }) {
  return (
    <View className='card'>
      <Text className='field__label'>选择季度</Text>
      <View className='chips' role='group' aria-label='选择季度'>
        {choices.map((p) => (
          <Button key={p} className={`chip${p === value ? ' chip--on' : ''}`} aria-pressed={p === value} aria-label={periodLabel(p)} onClick={() => onChange(p)}>
            {periodLabel(p)}
          </Button>
        ))}
      </View>
    </View>
  );
}
