/** Cloud function `org`: the 3 teams — who the caller is (and their WeChat identity), the branch's organisation, joining, roles, the audit log. */
import { defineFunction } from '../_shared/define';
import { me, member, members, pyramid, whoami } from './handlers/people';
import { deleteDutyItem, saveDutyItem, saveGroup, saveUnit, updateMember } from './handlers/structure';
import { createInvitation, invitationInfo, invitations, revokeInvitation } from './handlers/invitations';
import { decideJoin, joinRequests, myJoinRequest, requestJoin } from './handlers/join';
import { auditLog, branches, branchMembers, transferMember } from './handlers/committee';

export const main = defineFunction('org')({
  me,
  whoami,
  pyramid,
  member,
  members,
  updateMember,
  saveGroup,
  saveUnit,
  saveDutyItem,
  deleteDutyItem,
  createInvitation,
  invitations,
  revokeInvitation,
  invitationInfo,
  requestJoin,
  myJoinRequest,
  joinRequests,
  decideJoin,
  transferMember,
  branches,
  branchMembers,
  auditLog,
});
