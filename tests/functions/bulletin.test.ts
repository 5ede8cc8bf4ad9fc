/** The quarterly bulletin downloads as a valid .xlsx with the published result. */
import ExcelJS from 'exceljs';
import { startLocalStack, type LocalStack } from '../support/stack';
import { demoOpenid } from '../../scripts/seed/demo';
import { chinaQuarter, shiftQuarter } from '../../shared/time/china';
import { as, data } from './support/org-fixtures';
import { buildPointsProbe } from './support/probe';

/** The one instant this file runs at: its "this quarter" and "today" and the functions' stopped clock (stack.ts). */
const START = new Date();

let stack: LocalStack;
const SECRETARY = demoOpenid('b-market-m01');
const P = shiftQuarter(chinaQuarter(new Date(START)), -1);
const [Y, QN] = P.split('Q').map(Number);
const IN_P = new Date(Date.UTC(Y, (QN - 1) * 3 + 1, 15, 4)).toISOString();

beforeAll(async () => {
  stack = await startLocalStack({ frozenAt: START, extraFunctions: [await buildPointsProbe()] });
  for (const [memberId, rule, n] of [['b-market-m02', 'taskDone', 5], ['b-market-m03', 'meetingAttended', 2]] as const) {
    for (let i = 0; i < n; i++) await stack.emulator.functions.invoke('points-probe', { memberId, rule, source: `s${i}`, at: IN_P }, { openid: null, appid: 'wx' });
  }
});
afterAll(() => stack.stop());

describe('季度通报', () => {
  it('is refused before the quarter is published', async () => {
    expect((await as(stack, SECRETARY, 'bulletin.export', { period: P })).error?.code).toBe('CONFLICT');
  });

  it('exports the published result as a workbook that opens and reads back', async () => {
    data(await as(stack, SECRETARY, 'quarter.close', { period: P }));
    data(await as(stack, SECRETARY, 'quarter.publish', { period: P }));
    const exported = data<{ url: string; fileName: string; version: number }>(await as(stack, SECRETARY, 'bulletin.export', { period: P }));
    expect(exported.fileName).toMatch(/^市场经营党支部\d{4}年第[1-4]季度党员积分通报-v1\.xlsx$/);
    const response = await fetch(exported.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['积分排名', '等次分布', '参与情况', '三单', '不参与排名']);
    const ranking = workbook.getWorksheet('积分排名')!;
    expect(String(ranking.getCell('A1').value)).toContain('市场经营党支部');
    expect(ranking.getRow(2).values).toEqual([undefined, '名次', '姓名', '计入积分', '民主评议', '综合得分', '等次']);
    const first = ranking.getRow(3).values as unknown[];
    expect(first.slice(1, 4)).toEqual([1, expect.any(String), 10]);
    const rules = workbook.getWorksheet('参与情况')!;
    const taskRow = rules.getRows(3, 20)!.find((r) => r.getCell(1).value === '完成支部任务')!;
    expect([taskRow.getCell(2).value, taskRow.getCell(3).value]).toEqual([1, 10]);
    expect(workbook.getWorksheet('不参与排名')!.rowCount).toBe(4); // title, header, two exempt members
  });
});
