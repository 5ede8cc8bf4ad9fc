/** Loads a branch's whole organisation once (a branch has ≤ 50 members): members, groups, units. */
import { COLLECTIONS } from '../../shared/db/collections';
import { branchDoc, groupDoc, memberDoc, unitDoc, type BranchDoc, type GroupDoc, type MemberDoc, type UnitDoc } from '../../shared/domain/org';
import { AppError } from '../../shared/api/errors';
import type { Database } from '../_shared/cloud';
import { findAll, getById } from '../_shared/repo';

export interface BranchOrg {
  branch: BranchDoc;
  members: MemberDoc[];
  groups: GroupDoc[];
  units: UnitDoc[];
  memberById: Map<string, MemberDoc>;
  groupById: Map<string, GroupDoc>;
  unitById: Map<string, UnitDoc>;
}

export async function loadBranchOrg(db: Database, branchId: string): Promise<BranchOrg> {
  const [branch, members, groups, units] = await Promise.all([
    getById(db, COLLECTIONS.branches, branchId, branchDoc),
    findAll(db, COLLECTIONS.members, { branchId }, memberDoc),
    findAll(db, COLLECTIONS.groups, { branchId }, groupDoc),
    findAll(db, COLLECTIONS.units, { branchId }, unitDoc),
  ]);
  if (!branch) throw new AppError('NOT_FOUND', '所在支部不存在');
  return {
    branch,
    members: members.sort((a, b) => a._id.localeCompare(b._id)),
    groups: groups.sort((a, b) => a._id.localeCompare(b._id)),
    units: units.sort((a, b) => a._id.localeCompare(b._id)),
    memberById: new Map(members.map((m) => [m._id, m])),
    groupById: new Map(groups.map((g) => [g._id, g])),
    unitById: new Map(units.map((u) => [u._id, u])),
  };
}
