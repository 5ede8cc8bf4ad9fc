/**
 * A date picker with no date yet opens on China's today, whatever the device's zone: at 00:30
 * in China a phone or H5 browser on UTC is still on yesterday, which a due date refuses.
 */
import { render, screen } from '@testing-library/react';
import { DateField } from '@/components/Field';

it("opens on China's today in the first hour of a China day, and shows the chosen date once set", () => {
  // 2026-12-03 16:30 UTC is 2026-12-04 00:30 in China (Date is stopped per test in setup.ts).
  jest.setSystemTime(new Date('2026-12-03T16:30:00Z'));
  const { rerender } = render(<DateField label='整改期限1' value={null} onChange={() => undefined} />);
  expect(screen.getByLabelText('整改期限1')).toHaveValue('2026-12-04');
  expect(screen.getByRole('button', { name: '整改期限1：未设置' })).toBeInTheDocument();
  rerender(<DateField label='整改期限1' value='2026-12-20' onChange={() => undefined} />);
  expect(screen.getByLabelText('整改期限1')).toHaveValue('2026-12-20');
});
