/** Actions of the `bulletin` function: the quarterly bulletin (季度通报) export. */
import { z } from 'zod';
import { action } from '../action';

const period = z.string().regex(/^\d{4}Q[1-4]$/, '季度格式应为 2026Q4');

export const bulletinActions = {
  'bulletin.export': action({
    summary: 'The quarterly bulletin of the published result as an Excel workbook in storage, with a download link.',
    input: z.object({ period }).strict(),
    output: z.object({ fileId: z.string(), url: z.string(), fileName: z.string(), version: z.number().int() }),
  }),
} as const;
