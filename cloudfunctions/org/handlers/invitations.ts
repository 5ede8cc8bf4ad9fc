/** Invitations: a code and a QR code (mini-program code with the code as scene) to the join page. */
import { randomInt } from 'node:crypto';
import type { ActionInput, ActionOutput, InvitationView } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { COLLECTIONS } from '../../../shared/db/collections';
import { branchDoc, groupDoc, invitationDoc, type InvitationDoc } from '../../../shared/domain/org';
import { audit } from '../../_shared/audit';
import { cloud, type Database } from '../../_shared/cloud';
import { tempUrls } from '../../_shared/files';
import { asMember, type ActionContext } from '../../_shared/define';
import { findAll, getById, getInBranch, withoutId } from '../../_shared/repo';
import { wechat } from '../../_shared/wechat';
import { INVITATION_STATE_MESSAGES } from '../../../shared/domain/vocabulary';

/** The page a scanned invitation opens; it reads the code from `scene`. */
export const JOIN_PAGE = 'pages/join/index';

// No 0/O/1/l/I: codes are also read aloud and typed by hand.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

function newCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

export type InvitationState = InvitationView['state'];

export function invitationState(invitation: InvitationDoc, now: Date): InvitationState {
  if (invitation.revoked) return 'revoked';
  if (invitation.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (invitation.uses >= invitation.maxUses) return 'usedUp';
  return 'valid';
}

export const STATE_MESSAGES = INVITATION_STATE_MESSAGES;

async function toViews(db: Database, invitations: InvitationDoc[], now: Date): Promise<InvitationView[]> {
  if (invitations.length === 0) return [];
  const branchId = invitations[0].branchId;
  const [branch, groups, urls] = await Promise.all([
    getById(db, COLLECTIONS.branches, branchId, branchDoc),
    findAll(db, COLLECTIONS.groups, { branchId }, groupDoc),
    tempUrls(invitations.flatMap((i) => (i.qrFileId ? [i.qrFileId] : []))),
  ]);
  const groupNames = new Map(groups.map((g) => [g._id, g.name]));
  return invitations.map((i) => ({
    code: i._id,
    branchName: branch?.name ?? '',
    group: i.groupId ? { id: i.groupId, name: groupNames.get(i.groupId) ?? '' } : null,
    expiresAt: i.expiresAt.toISOString(),
    maxUses: i.maxUses,
    uses: i.uses,
    revoked: i.revoked,
    state: invitationState(i, now),
    path: `${JOIN_PAGE}?scene=${i._id}`,
    qrUrl: i.qrFileId ? (urls.get(i.qrFileId) ?? null) : null,
  }));
}

export async function createInvitation(input: ActionInput<'org.createInvitation'>, ctx: ActionContext): Promise<ActionOutput<'org.createInvitation'>> {
  const { db, member: actor, now } = asMember(ctx);
  if (input.groupId) await getInBranch(db, COLLECTIONS.groups, input.groupId, groupDoc, actor.branchId, '党小组不存在');
  const code = newCode();
  const png = await wechat().miniProgramCode({ scene: code, page: JOIN_PAGE, width: 430 });
  const { fileID } = await cloud().uploadFile({ cloudPath: `invitations/${actor.branchId}/${code}.png`, fileContent: png });
  const invitation: InvitationDoc = {
    _id: code,
    committeeId: actor.committeeId,
    branchId: actor.branchId,
    groupId: input.groupId,
    expiresAt: new Date(now.getTime() + input.expiresInDays * 24 * 3600 * 1000),
    maxUses: input.maxUses,
    uses: 0,
    revoked: false,
    createdBy: actor._id,
    createdAt: now,
    qrFileId: fileID,
  };
  await db.runTransaction(async (t) => {
    await t.collection(COLLECTIONS.invitations).doc(code).set(withoutId(invitation));
    await audit(t, actor, now, { action: 'org.createInvitation', targetType: 'invitation', targetId: code, branchId: actor.branchId, before: null, after: invitation });
  });
  const [view] = await toViews(db, [invitation], now);
  return view;
}

export async function invitations(_input: ActionInput<'org.invitations'>, ctx: ActionContext): Promise<ActionOutput<'org.invitations'>> {
  const { db, member: actor, now } = asMember(ctx);
  const { data } = await db.collection(COLLECTIONS.invitations).where({ branchId: actor.branchId }).orderBy('createdAt', 'desc').limit(100).get();
  const list = (data as unknown[]).map((row) => invitationDoc.parse(row));
  return { invitations: await toViews(db, list, now) };
}

export async function revokeInvitation(input: ActionInput<'org.revokeInvitation'>, ctx: ActionContext): Promise<ActionOutput<'org.revokeInvitation'>> {
  const { db, member: actor, now } = asMember(ctx);
  const before = await getInBranch(db, COLLECTIONS.invitations, input.code, invitationDoc, actor.branchId, '邀请不存在');
  const after: InvitationDoc = { ...before, revoked: true };
  await db.runTransaction(async (t) => {
    await t.collection(COLLECTIONS.invitations).doc(before._id).update({ revoked: true });
    await audit(t, actor, now, { action: 'org.revokeInvitation', targetType: 'invitation', targetId: before._id, branchId: actor.branchId, before, after });
  });
  const [view] = await toViews(db, [after], now);
  return view;
}

export async function invitationInfo(input: ActionInput<'org.invitationInfo'>, ctx: ActionContext): Promise<ActionOutput<'org.invitationInfo'>> {
  const { db, now } = ctx;
  const invitation = await getById(db, COLLECTIONS.invitations, input.code, invitationDoc);
  if (!invitation) throw new AppError('NOT_FOUND', '邀请码不存在，请核对后重试');
  const [branch, group] = await Promise.all([
    getById(db, COLLECTIONS.branches, invitation.branchId, branchDoc),
    invitation.groupId ? getById(db, COLLECTIONS.groups, invitation.groupId, groupDoc) : Promise.resolve(null),
  ]);
  return { code: invitation._id, branchName: branch?.name ?? '', groupName: group?.name ?? null, state: invitationState(invitation, now) };
}
