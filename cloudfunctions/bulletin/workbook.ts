/**
 * The quarterly bulletin as an Excel workbook a secretary opens and prints: the ranking
 * table, the grade distribution, participation per rule, the 三单 status and the members
 * listed apart. Pure: data in, bytes out.
 */
import ExcelJS from 'exceljs';
import type { ResultRow } from '../../shared/api/contract';
import { GRADE_LABELS, GRADES, type Grade } from '../../shared/points/ranking';
import { RULE_CODES, RULE_LABELS, type RuleCode } from '../../shared/points/rules';

export interface BulletinData {
  branchName: string;
  period: string;
  version: number;
  publishedAt: Date;
  reason: string | null;
  rows: ResultRow[];
  exempt: Array<{ name: string; points: number }>;
  gradeCounts: Record<Grade, number>;
  participation: Record<RuleCode, { members: number; points: number }>;
  rectifications: Array<{ name: string; state: 'open' | 'closed'; items: number; verified: number; overdue: number }>;
}

export function periodLabel(period: string): string {
  const [year, quarter] = period.split('Q');
  return `${year}年第${quarter}季度`;
}

function sheet(workbook: ExcelJS.Workbook, name: string, title: string, columns: Array<{ header: string; width: number }>) {
  const ws = workbook.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1 } });
  ws.mergeCells(1, 1, 1, columns.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.addRow(columns.map((c) => c.header)).font = { bold: true };
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return ws;
}

export async function bulletinWorkbook(data: BulletinData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '同心';
  workbook.created = data.publishedAt;
  const heading = `${data.branchName} ${periodLabel(data.period)}党员积分通报${data.version > 1 ? `（第${data.version}版）` : ''}`;

  const ranking = sheet(workbook, '积分排名', heading, [
    { header: '名次', width: 8 },
    { header: '姓名', width: 12 },
    { header: '计入积分', width: 10 },
    { header: '民主评议', width: 10 },
    { header: '综合得分', width: 10 },
    { header: '等次', width: 8 },
  ]);
  for (const r of data.rows) ranking.addRow([r.rank, r.name, r.points, r.appraisal ?? '—', r.score, GRADE_LABELS[r.grade]]);
  if (data.reason) ranking.addRow([]).getCell(1).value = `更正说明：${data.reason}`;

  const grades = sheet(workbook, '等次分布', `${heading} · 等次分布`, [
    { header: '等次', width: 10 },
    { header: '人数', width: 8 },
    { header: '占比', width: 10 },
  ]);
  const ranked = data.rows.length;
  for (const g of GRADES) {
    const row = grades.addRow([GRADE_LABELS[g], data.gradeCounts[g], ranked ? data.gradeCounts[g] / ranked : 0]);
    row.getCell(3).numFmt = '0.0%';
  }

  const rules = sheet(workbook, '参与情况', `${heading} · 各项参与`, [
    { header: '积分项目', width: 20 },
    { header: '参与人数', width: 10 },
    { header: '积分合计', width: 10 },
  ]);
  for (const code of RULE_CODES) rules.addRow([RULE_LABELS[code], data.participation[code].members, data.participation[code].points]);

  const sandan = sheet(workbook, '三单', `${heading} · 三单整改`, [
    { header: '姓名', width: 12 },
    { header: '状态', width: 10 },
    { header: '整改事项', width: 10 },
    { header: '已核验', width: 10 },
    { header: '已逾期', width: 10 },
  ]);
  for (const r of data.rectifications) sandan.addRow([r.name, r.state === 'closed' ? '已完成' : '整改中', r.items, r.verified, r.overdue]);

  const apart = sheet(workbook, '不参与排名', `${heading} · 不参与排名（老党员、患病、流动党员）`, [
    { header: '姓名', width: 12 },
    { header: '计入积分', width: 10 },
  ]);
  for (const e of data.exempt) apart.addRow([e.name, e.points]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
