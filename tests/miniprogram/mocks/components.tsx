/** Test double of @tarojs/components: Taro's primitives as plain DOM elements. */
import type { HTMLAttributes, ReactNode } from 'react';

type Props = HTMLAttributes<HTMLElement> & { className?: string; children?: ReactNode; [key: string]: unknown };

export function View({ children, ...rest }: Props) {
  return <div {...(rest as HTMLAttributes<HTMLDivElement>)}>{children}</div>;
}
/** Taro Text: `selectable` / `userSelect` become `data-selectable`, so a test can see that text can be copied by hand. */
export function Text({ children, selectable, userSelect, ...rest }: Props) {
  const canSelect = Boolean(selectable || userSelect) || undefined;
  return (
    <span data-selectable={canSelect} {...(rest as HTMLAttributes<HTMLSpanElement>)}>
      {children}
    </span>
  );
}
export function Button({ children, onClick, loading: _loading, openType: _openType, ...rest }: Props) {
  return (
    <button type='button' onClick={onClick as never} {...(rest as HTMLAttributes<HTMLButtonElement>)}>
      {children}
    </button>
  );
}
export function Image({ src, ...rest }: Props & { src?: string }) {
  return <img src={src} alt='' {...(rest as HTMLAttributes<HTMLImageElement>)} />;
}

type InputProps = {
  value?: string;
  placeholder?: string;
  type?: string;
  className?: string;
  maxlength?: number;
  nativeProps?: Record<string, unknown>;
  onInput?: (e: { detail: { value: string } }) => void;
  onConfirm?: (e: { detail: { value: string } }) => void;
  [key: string]: unknown;
};

/** Taro Input: onInput / onConfirm receive `{detail: {value}}`. */
export function Input({ value, placeholder, className, onInput, onConfirm, nativeProps, maxlength, type: _t, ...rest }: InputProps) {
  // As in H5, nativeProps land on the inner <input>.
  return (
    <input
      {...(nativeProps as object)}
      className={className}
      aria-label={rest['aria-label'] as string}
      value={value ?? ''}
      placeholder={placeholder}
      maxLength={maxlength}
      onChange={(e) => onInput?.({ detail: { value: e.target.value } })}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onConfirm?.({ detail: { value: (e.target as HTMLInputElement).value } });
      }}
    />
  );
}
export function Textarea({ value, placeholder, className, onInput, nativeProps, maxlength, ...rest }: InputProps) {
  return (
    <textarea
      {...(nativeProps as object)}
      className={className}
      aria-label={rest['aria-label'] as string}
      value={value ?? ''}
      placeholder={placeholder}
      maxLength={maxlength}
      onChange={(e) => onInput?.({ detail: { value: e.target.value } })}
    />
  );
}

/** Taro Picker (selector or date) as a <select> / date <input>; children are the display. */
export function Picker({
  mode,
  range,
  value,
  onChange,
  children,
  ...rest
}: {
  mode?: string;
  range?: string[];
  value?: number | string;
  onChange?: (e: { detail: { value: number | string } }) => void;
  children?: ReactNode;
  [key: string]: unknown;
}) {
  const label = rest['aria-label'] as string;
  if (mode === 'date') {
    return (
      <div>
        <input type='date' aria-label={label} value={String(value ?? '')} onChange={(e) => onChange?.({ detail: { value: e.target.value } })} />
        {children}
      </div>
    );
  }
  return (
    <div>
      <select aria-label={label} value={String(value ?? 0)} onChange={(e) => onChange?.({ detail: { value: Number(e.target.value) } })}>
        {(range ?? []).map((item, i) => (
          <option key={i} value={String(i)}>
            {item}
          </option>
        ))}
      </select>
      {children}
    </div>
  );
}
export function Switch({ checked, onChange, ...rest }: { checked?: boolean; onChange?: (e: { detail: { value: boolean } }) => void; [key: string]: unknown }) {
  return (
    <input
      type='checkbox'
      role='switch'
      aria-label={rest['aria-label'] as string}
      checked={Boolean(checked)}
      onChange={(e) => onChange?.({ detail: { value: e.target.checked } })}
    />
  );
}
/** Taro Canvas (type '2d'): a plain <canvas>; Poster reaches the node through createSelectorQuery. */
export function Canvas({ type: _type, canvasId: _canvasId, ...rest }: Props & { type?: string; canvasId?: string }) {
  return <canvas {...(rest as HTMLAttributes<HTMLCanvasElement>)} />;
}
