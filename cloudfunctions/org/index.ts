/** Cloud function `org`: the organisation — who the caller is, their branch, group and roles. */
import { COLLECTIONS } from '../../shared/db/collections';
import { branchDoc, groupDoc } from '../../shared/domain/org';
import { AppError } from '../../shared/api/errors';
import { defineFunction } from '../_shared/define';

export const main = defineFunction('org')({
  async me(_input, { db, member }) {
    if (!member || !member.branchId) throw new AppError('UNAUTHENTICATED');
    const [branchRes, groupRes] = await Promise.all([
      db.collection(COLLECTIONS.branches).doc(member.branchId).get(),
      member.groupId ? db.collection(COLLECTIONS.groups).doc(member.groupId).get() : Promise.resolve({ data: [] }),
    ]);
    const branchRow = (branchRes.data as unknown[])[0];
    if (!branchRow) throw new AppError('NOT_FOUND', '所在支部不存在');
    const branch = branchDoc.parse(branchRow);
    const groupRow = (groupRes.data as unknown[])[0];
    const group = groupRow ? groupDoc.parse(groupRow) : null;
    return {
      memberId: member._id,
      name: member.name,
      branch: { id: branch._id, name: branch.name },
      group: group ? { id: group._id, name: group.name } : null,
      roles: member.roles,
    };
  },
});
