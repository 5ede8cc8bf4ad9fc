/**
 * The one place that renders loading, empty and error (with 重试) states, and the page root
 * that carries the large-font class (适老化).
 */
import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useLargeFont } from '@/hooks/useLargeFont';
import './index.css';

export type ShellStatus = 'loading' | 'empty' | 'error' | 'ready';

export interface PageShellProps {
  status: ShellStatus;
  /** Shown in the empty state, e.g. 暂无学习内容. */
  emptyText?: string;
  emptyHint?: string;
  /** Shown in the error state. */
  errorMessage?: string;
  onRetry?: () => void;
  /** Replaces the default error block (e.g. the 您还不是支部成员 state). */
  errorContent?: ReactNode;
  children?: ReactNode;
}

export function PageShell(props: PageShellProps) {
  const [large] = useLargeFont();
  return (
    <View className={`page${large ? ' page--large' : ''}`}>
      <ShellBody {...props} />
    </View>
  );
}

function ShellBody({ status, emptyText, emptyHint, errorMessage, onRetry, errorContent, children }: PageShellProps) {
  if (status === 'loading') {
    return (
      <View className='shell-state' role='status' aria-live='polite'>
        <Text className='shell-state__text'>正在加载…</Text>
      </View>
    );
  }
  if (status === 'error') {
    if (errorContent) return <>{errorContent}</>;
    return (
      <View className='shell-state' role='alert'>
        <Text className='shell-state__title'>加载失败</Text>
        <Text className='shell-state__text'>{errorMessage || '服务暂时不可用，请稍后重试'}</Text>
        {onRetry ? (
          <Button className='btn btn--primary' aria-label='重试' onClick={onRetry}>
            重试
          </Button>
        ) : null}
      </View>
    );
  }
  if (status === 'empty') {
    return (
      <View className='shell-state'>
        <Text className='shell-state__title'>{emptyText || '暂无内容'}</Text>
        {emptyHint ? <Text className='shell-state__text'>{emptyHint}</Text> : null}
      </View>
    );
  }
  return <>{children}</>;
}

export default PageShell;
