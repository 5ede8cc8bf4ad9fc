/** Cloud function `bulletin`: the quarterly bulletin (季度通报) of a published quarter, exported to storage. */
import type { ActionInput, ActionOutput } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { COLLECTIONS } from '../../shared/db/collections';
import { branchDoc } from '../../shared/domain/org';
import { periodTotalsDoc } from '../../shared/points/ledger';
import { RULE_CODES, type RuleCode } from '../../shared/points/rules';
import { chinaDay } from '../../shared/time/china';
import { cloud } from '../_shared/cloud';
import { asMember, defineFunction, type ActionContext } from '../_shared/define';
import { findAll, getById } from '../_shared/repo';
import { periodDoc, snapshotDoc } from '../_shared/periods';
import { rectificationDoc } from '../_shared/rectifications';
import { bulletinWorkbook, periodLabel } from './workbook';

async function exportBulletin(input: ActionInput<'bulletin.export'>, ctx: ActionContext): Promise<ActionOutput<'bulletin.export'>> {
  const { db, member, now } = asMember(ctx);
  const state = await getById(db, COLLECTIONS.periods, `${member.branchId}_${input.period}`, periodDoc);
  if (!state?.publishedVersion) throw new AppError('CONFLICT', '本季度结果尚未发布，发布后才能导出通报');
  const [snapshot, branch, totals, rects] = await Promise.all([
    getById(db, COLLECTIONS.snapshots, `${member.branchId}_${input.period}_v${state.publishedVersion}`, snapshotDoc),
    getById(db, COLLECTIONS.branches, member.branchId, branchDoc),
    findAll(db, COLLECTIONS.totals, { branchId: member.branchId, period: input.period }, periodTotalsDoc),
    findAll(db, COLLECTIONS.rectifications, { branchId: member.branchId, period: input.period }, rectificationDoc),
  ]);
  if (!snapshot || !branch) throw new AppError('NOT_FOUND', '本季度结果不存在');
  const participation = Object.fromEntries(RULE_CODES.map((code) => [code, { members: 0, points: 0 }])) as Record<RuleCode, { members: number; points: number }>;
  for (const t of totals) {
    for (const [code, points] of Object.entries(t.byRule)) {
      const p = participation[code as RuleCode];
      if (!p || points <= 0) continue;
      p.members += 1;
      p.points += points;
    }
  }
  const today = chinaDay(now);
  const bytes = await bulletinWorkbook({
    branchName: branch.name,
    period: input.period,
    version: snapshot.version,
    publishedAt: snapshot.publishedAt,
    reason: snapshot.reason,
    rows: snapshot.rows,
    exempt: snapshot.exempt,
    gradeCounts: snapshot.gradeCounts,
    participation,
    rectifications: rects.map((r) => ({
      name: r.memberName,
      state: r.state,
      items: r.actions.length,
      verified: r.actions.filter((a) => a.status === 'verified').length,
      overdue: r.actions.filter((a) => a.status !== 'verified' && a.dueOn < today).length,
    })),
  });
  const fileName = `${branch.name}${periodLabel(input.period)}党员积分通报-v${snapshot.version}.xlsx`;
  const { fileID } = await cloud().uploadFile({ cloudPath: `bulletins/${member.branchId}/${input.period}-v${snapshot.version}.xlsx`, fileContent: bytes });
  const { fileList } = await cloud().getTempFileURL({ fileList: [{ fileID, maxAge: 2 * 3600 }] });
  const url = (fileList as Array<{ tempFileURL: string }>)[0]?.tempFileURL;
  if (!url) throw new AppError('INTERNAL', '通报生成后无法获取下载地址，请重试');
  return { fileId: fileID, url, fileName, version: snapshot.version };
}

export const main = defineFunction('bulletin')({ export: exportBulletin });
