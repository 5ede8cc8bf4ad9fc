/** The caller's latest join request: 待审核 / 已通过 / 未通过 (with the reason). */
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { JOIN_STATUS_LABELS } from '@/domain/vocabulary';
import { chinaDateTime } from '@/lib/format';
import { ROUTES } from '@/lib/routes';
import type { ActionOutput } from '@/services/api';

export type JoinRequest = NonNullable<ActionOutput<'org.myJoinRequest'>['request']>;

function goMine(): void {
  void Taro.switchTab({ url: ROUTES.mine });
}

export function RequestStatus({ request, onAgain }: { request: JoinRequest; onAgain?: () => void }) {
  return (
    <View className='card' role='status'>
      <Text className='card__title'>{`入支部申请：${JOIN_STATUS_LABELS[request.status]}`}</Text>
      <View className='row'>
        <Text className='row__label'>支部</Text>
        <Text className='row__value'>{request.branchName}</Text>
      </View>
      <View className='row'>
        <Text className='row__label'>申请人</Text>
        <Text className='row__value'>{request.name}</Text>
      </View>
      <View className='row'>
        <Text className='row__label'>提交时间</Text>
        <Text className='row__value'>{chinaDateTime(request.createdAt)}</Text>
      </View>
      {request.status === 'pending' ? (
        <Text className='text text--muted'>已提交给支部书记，审核通过后即可使用同心。</Text>
      ) : null}
      {request.status === 'approved' ? (
        <Button className='btn btn--primary' aria-label='前往我的' onClick={goMine}>
          前往我的
        </Button>
      ) : null}
      {request.status === 'rejected' ? (
        <View>
          <Text className='text'>{`原因：${request.reason || '未说明'}`}</Text>
          <Text className='text text--small text--muted'>如有疑问请联系支部书记，可以重新提交申请。</Text>
          {onAgain ? (
            <Button className='btn btn--plain' aria-label='重新申请' onClick={onAgain}>
              重新申请
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
