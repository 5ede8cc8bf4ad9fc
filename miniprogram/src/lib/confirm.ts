/** Every change a secretary or admin makes is confirmed first: one modal with a summary. */
import Taro from '@tarojs/taro';

export async function confirmChange(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  try {
    const res = await Taro.showModal({ title, content, confirmText, cancelText: '取消' });
    return Boolean(res.confirm);
  } catch {
    return false;
  }
}

export function toast(title: string, icon: 'success' | 'none' = 'none'): void {
  void Taro.showToast({ title, icon, duration: 2000 });
}
