/** Test double of @tarojs/components: Taro's primitives as plain DOM elements. */
import type { HTMLAttributes, ReactNode } from 'react';

type Props = HTMLAttributes<HTMLElement> & { className?: string; children?: ReactNode; [key: string]: unknown };

export function View({ children, ...rest }: Props) {
  return <div {...(rest as HTMLAttributes<HTMLDivElement>)}>{children}</div>;
}
export function Text({ children, ...rest }: Props) {
  return <span {...(rest as HTMLAttributes<HTMLSpanElement>)}>{children}</span>;
}
export function Button({ children, onClick, ...rest }: Props) {
  return (
    <button type='button' onClick={onClick as never} {...(rest as HTMLAttributes<HTMLButtonElement>)}>
      {children}
    </button>
  );
}
export function Image({ src, ...rest }: Props & { src?: string }) {
  return <img src={src} alt='' {...(rest as HTMLAttributes<HTMLImageElement>)} />;
}
