/**
 * Labelled form controls (适老化: every control has a visible label and an aria-label; errors
 * from the server's `fields` show under the control they belong to).
 */
import type { ReactNode } from 'react';
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import type { ApiError } from '@/services/api';
import { chinaToday } from '@/domain/points';

interface FieldFrameProps {
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}

export function FieldFrame({ label, error, hint, children }: FieldFrameProps) {
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      {children}
      {hint ? <Text className='field__hint'>{hint}</Text> : null}
      {error ? (
        <View role='alert'>
          <Text className='field__error'>{error}</Text>
        </View>
      ) : null}
    </View>
  );
}

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  placeholder?: string;
  type?: 'text' | 'number' | 'digit';
  maxlength?: number;
  multiline?: boolean;
  onConfirm?: () => void;
}

export function TextField({ label, value, onChange, error, hint, placeholder, type = 'text', maxlength, multiline, onConfirm }: TextFieldProps) {
  // nativeProps reaches the inner <input> of the H5 component; the mini-program reads aria-label.
  const a11y = { 'aria-label': label, 'aria-invalid': error ? 'true' : 'false' };
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      {multiline ? (
        <Textarea
          className={`input textarea${error ? ' input--error' : ''}`}
          aria-label={label}
          value={value}
          placeholder={placeholder}
          maxlength={maxlength ?? 500}
          nativeProps={a11y}
          onInput={(e) => onChange(e.detail.value)}
        />
      ) : (
        <Input
          className={`input${error ? ' input--error' : ''}`}
          aria-label={label}
          value={value}
          type={type}
          placeholder={placeholder}
          maxlength={maxlength ?? 140}
          nativeProps={a11y}
          onInput={(e) => onChange(e.detail.value)}
          onConfirm={onConfirm ? () => onConfirm() : undefined}
        />
      )}
    </FieldFrame>
  );
}

export interface Option<V extends string> {
  value: V;
  label: string;
}

export interface SelectFieldProps<V extends string> {
  label: string;
  options: ReadonlyArray<Option<V>>;
  value: V;
  onChange: (value: V) => void;
  error?: string;
  hint?: string;
}

export function SelectField<V extends string>({ label, options, value, onChange, error, hint }: SelectFieldProps<V>) {
  const index = Math.max(0, options.findIndex((o) => o.value === value));
  const current = options[index]?.label ?? '请选择';
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      <Picker
        mode='selector'
        range={options.map((o) => o.label)}
        value={index}
        aria-label={label}
        onChange={(e) => {
          const picked = options[Number(e.detail.value)];
          if (picked) onChange(picked.value);
        }}
      >
        <View className={`input picker${error ? ' input--error' : ''}`} role='button' aria-label={`${label}：${current}`}>
          <Text>{current}</Text>
        </View>
      </Picker>
    </FieldFrame>
  );
}

export interface DateFieldProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
}

export function DateField({ label, value, onChange, error }: DateFieldProps) {
  return (
    <FieldFrame label={label} error={error}>
      {/* With no date yet the picker opens on China's today, not the device's: a phone (or an H5
          browser) in another time zone would otherwise offer yesterday, which a due date refuses. */}
      <Picker mode='date' value={value ?? chinaToday()} aria-label={label} onChange={(e) => onChange(String(e.detail.value))}>
        <View className='input picker' role='button' aria-label={`${label}：${value ?? '未设置'}`}>
          <Text>{value ?? '未设置'}</Text>
        </View>
      </Picker>
      {value ? (
        <Button className='btn btn--plain btn--small' aria-label={`清除${label}`} onClick={() => onChange(null)}>
          清除日期
        </Button>
      ) : null}
    </FieldFrame>
  );
}

export interface MultiSelectProps<V extends string> {
  label: string;
  options: ReadonlyArray<Option<V>>;
  values: readonly V[];
  onChange: (values: V[]) => void;
  error?: string;
  hint?: string;
}

/** Multi-select as toggle chips (aria-pressed says which are chosen). */
export function MultiSelect<V extends string>({ label, options, values, onChange, error, hint }: MultiSelectProps<V>) {
  return (
    <FieldFrame label={label} error={error} hint={hint}>
      <View className='chips' role='group' aria-label={label}>
        {options.length === 0 ? <Text className='text text--small text--muted'>暂无可选项</Text> : null}
        {options.map((o) => {
          const on = values.includes(o.value);
          return (
            <Button
              key={o.value}
              className={`chip${on ? ' chip--on' : ''}`}
              aria-pressed={on}
              aria-label={o.label}
              onClick={() => onChange(on ? values.filter((v) => v !== o.value) : [...values, o.value])}
            >
              {on ? `✓ ${o.label}` : o.label}
            </Button>
          );
        })}
      </View>
    </FieldFrame>
  );
}

/** The message of a failed write (field errors are shown beside their controls). */
export function ErrorAlert({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <View className='alert' role='alert'>
      <Text>{error.message}</Text>
    </View>
  );
}
