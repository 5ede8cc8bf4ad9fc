/**
 * The first committee admin and secretaries (issue #8): a new CloudBase environment is empty,
 * branches cannot be created in the app and every member joins through a secretary's
 * invitation, so someone outside the app has to write the first documents. This module
 * plans that (reads only), then applies the plan: the committee, its branches and Party
 * groups, and the member records of the secretaries and the committee admin, in the same
 * shapes and zod schemas the functions and the demo seed use, each with its audit entry.
 *
 * Idempotent: the committee is matched by name, branches by name within it, groups by name
 * within their branch, people by openid, so a second run with the same file plans nothing.
 * An openid already bound to another member is refused before anything is written.
 */
import { z } from 'zod';
import { COLLECTIONS } from '../../shared/db/collections';
import {
  auditEntryDoc,
  branchDoc,
  committeeDoc,
  groupDoc,
  memberDoc,
  type AuditEntryDoc,
  type BranchDoc,
  type CommitteeDoc,
  type GroupDoc,
  type MemberDoc,
} from '../../shared/domain/org';
import { ROLE_LABELS, type Role } from '../../shared/domain/roles';
import { chinaDay } from '../../shared/time/china';
import type { Database } from '../../cloudfunctions/_shared/cloud';
import { newId, withoutId } from '../../cloudfunctions/_shared/repo';
import type { CompanyFile } from './bootstrap-company';
import { ensureCollection } from '../seed/load';

/**
 * Who the audit log names for these writes. The audit schema wants an actor member id, and
 * no member did this: a fixed id that can never be a member's (theirs are `m-…` or seeded).
 */
export const BOOTSTRAP_ACTOR = { id: 'bootstrap', name: '系统初始化' } as const;
/** The secretary's duty area, as the demo seed and the pyramid show it. */
export const SECRETARY_DUTY = '支部书记';

type TargetType = 'committee' | 'branch' | 'group' | 'member';

export interface PlannedWrite {
  kind: 'create' | 'update';
  collection: string;
  targetType: TargetType;
  /** The whole document after the write. */
  doc: CommitteeDoc | BranchDoc | GroupDoc | MemberDoc;
  before: MemberDoc | null;
  branchId: string | null;
  /** One line for the operator. */
  line: string;
}

export interface Plan {
  committeeName: string;
  /** The committee's id: the existing one, or the one the plan creates. */
  committeeId: string;
  /** Declared collections that do not exist in the environment yet. */
  missingCollections: string[];
  writes: PlannedWrite[];
  /** Documents of the file that already exist and stay as they are. */
  found: string[];
  /** Worth knowing, no reason to stop. */
  notes: string[];
  /** Reasons to write nothing at all. */
  problems: string[];
}

/** A person of the file, merged by openid (the admin may be a secretary too). */
interface Person {
  name: string;
  phone: string;
  openid: string;
  branchName: string;
  roles: Role[];
  duty: string | null;
  where: string;
}

function peopleOf(company: CompanyFile): Person[] {
  const byOpenid = new Map<string, Person>();
  company.branches.forEach((b, i) => {
    byOpenid.set(b.secretary.openid, {
      ...b.secretary,
      branchName: b.name,
      // As the demo seed has them: a secretary is a member of the branch committee with the duty 支部书记.
      roles: ['member', 'committeeMember', 'secretary'],
      duty: SECRETARY_DUTY,
      where: `branches[${i}].secretary`,
    });
  });
  const same = byOpenid.get(company.admin.openid);
  if (same) same.roles = [...same.roles, 'committeeAdmin'];
  else byOpenid.set(company.admin.openid, { name: company.admin.name, phone: company.admin.phone, openid: company.admin.openid, branchName: company.admin.branch, roles: ['member', 'committeeAdmin'], duty: null, where: 'admin' });
  return [...byOpenid.values()];
}

const rolesText = (roles: readonly Role[]) => roles.filter((r) => r !== 'member').map((r) => ROLE_LABELS[r]).join('、') || ROLE_LABELS.member;

function isMissingCollection(error: unknown): boolean {
  return /COLLECTION_NOT_EXIST/.test(String((error as { code?: unknown })?.code ?? ''));
}

/** Which declared collections the environment lacks (one cheap read each). */
export async function missingCollections(db: Database): Promise<string[]> {
  const names: string[] = [...new Set(Object.values(COLLECTIONS))];
  const missing = await Promise.all(
    names.map(async (name): Promise<string | null> => {
      try {
        await db.collection(name).doc('__tongxin_probe__').get();
        return null;
      } catch (error) {
        if (isMissingCollection(error)) return name;
        throw error;
      }
    }),
  );
  return missing.filter((name): name is string => name !== null);
}

/** Documents matching a filter, parsed; none when the collection does not exist yet. */
async function read<S extends z.ZodType>(db: Database, collection: string, filter: Record<string, unknown>, schema: S, missing: readonly string[]): Promise<Array<z.output<S>>> {
  if (missing.includes(collection)) return [];
  const { data } = await db.collection(collection).where(filter).limit(1000).get();
  return (data as unknown[]).map((row) => schema.parse(row));
}

/** Reads what exists and works out the writes. Writes nothing. */
export async function planBootstrap(db: Database, company: CompanyFile, now: Date, options: { createCollections: boolean }): Promise<Plan> {
  const missing = await missingCollections(db);
  const plan: Plan = { committeeName: company.committee.name, committeeId: '', missingCollections: missing, writes: [], found: [], notes: [], problems: [] };
  // In CloudBase, a collection created from code is readable by every user; production's
  // collections are closed to clients, so they come from the set-up script, with their rules.
  if (missing.length && !options.createCollections) {
    plan.problems.push(`the environment lacks ${missing.length} collection(s): ${missing.join(', ')}; run the production set-up first (npm run cloud:setup), which creates them closed to clients, with their indexes`);
  }

  // The committee, by name.
  const committees = await read(db, COLLECTIONS.committees, {}, committeeDoc, missing);
  const named = committees.filter((c) => c.name === company.committee.name);
  if (named.length > 1) plan.problems.push(`committee "${company.committee.name}": ${named.length} committees have this name (${named.map((c) => c._id).join(', ')}); fix the environment first`);
  const others = committees.filter((c) => c.name !== company.committee.name);
  if (others.length) plan.notes.push(`the environment also holds other committees: ${others.map((c) => `"${c.name}" (${c._id})`).join(', ')} — check the committee name if this company is meant to be one of them`);
  let committee = named[0];
  if (committee) {
    plan.found.push(`committee ${committee.name} (${committee._id})`);
  } else {
    committee = committeeDoc.parse({ _id: newId('c'), name: company.committee.name });
    plan.writes.push({ kind: 'create', collection: COLLECTIONS.committees, targetType: 'committee', doc: committee, before: null, branchId: null, line: `committee ${committee.name}` });
  }
  plan.committeeId = committee._id;
  const committeeExists = named.length > 0;

  // Branches by name within the committee, and their Party groups by name within the branch.
  const existingBranches = committeeExists ? await read(db, COLLECTIONS.branches, { committeeId: committee._id }, branchDoc, missing) : [];
  const branchByName = new Map<string, { doc: BranchDoc; exists: boolean }>();
  for (const [i, wanted] of company.branches.entries()) {
    const matches = existingBranches.filter((b) => b.name === wanted.name);
    if (matches.length > 1) plan.problems.push(`branches[${i}] "${wanted.name}": ${matches.length} branches of the committee have this name (${matches.map((b) => b._id).join(', ')})`);
    let branch = matches[0];
    if (branch) {
      plan.found.push(`branch ${branch.name} (${branch._id})`);
    } else {
      branch = branchDoc.parse({ _id: newId('b'), committeeId: committee._id, name: wanted.name });
      plan.writes.push({ kind: 'create', collection: COLLECTIONS.branches, targetType: 'branch', doc: branch, before: null, branchId: branch._id, line: `branch ${branch.name}` });
    }
    branchByName.set(wanted.name, { doc: branch, exists: matches.length > 0 });
    const groups = matches.length ? await read(db, COLLECTIONS.groups, { branchId: branch._id }, groupDoc, missing) : [];
    for (const name of wanted.groups ?? []) {
      const group = groups.find((g) => g.name === name);
      if (group) {
        plan.found.push(`group ${name} in ${branch.name} (${group._id})`);
        continue;
      }
      const created = groupDoc.parse({ _id: newId('g'), branchId: branch._id, name, leaderId: null, liaisonId: null });
      plan.writes.push({ kind: 'create', collection: COLLECTIONS.groups, targetType: 'group', doc: created, before: null, branchId: branch._id, line: `group ${name} in ${branch.name}` });
    }
  }

  // People, by openid.
  for (const person of peopleOf(company)) {
    const home = branchByName.get(person.branchName);
    if (!home) continue; // the file's schema guarantees the branch; kept for the type
    const branch = home.doc;
    const bound = await read(db, COLLECTIONS.members, { openid: person.openid }, memberDoc, missing);
    if (bound.length > 1) {
      plan.problems.push(`${person.where}.openid ${person.openid}: already bound to ${bound.length} member records (${bound.map((m) => m._id).join(', ')})`);
      continue;
    }
    const existing = bound[0];
    if (!existing) {
      const member = memberDoc.parse({
        _id: newId('m'),
        committeeId: committee._id,
        branchId: branch._id,
        name: person.name,
        phone: person.phone,
        // As a join approval does: the day the person came into the app; the secretary can edit the record later.
        joinedOn: chinaDay(now),
        category: 'regular',
        groupId: null,
        unitIds: [],
        roles: person.roles,
        duty: person.duty,
        openid: person.openid,
      });
      plan.writes.push({ kind: 'create', collection: COLLECTIONS.members, targetType: 'member', doc: member, before: null, branchId: branch._id, line: `member ${person.name} (${rolesText(person.roles)}) in ${branch.name}, WeChat ${person.openid}` });
    } else if (existing.committeeId !== committee._id || existing.branchId !== branch._id || existing.name !== person.name) {
      // The openid belongs to someone else's record (or this person's record elsewhere): binding it twice would split their history.
      const place = existing.committeeId !== committee._id ? 'another committee' : existing.branchId !== branch._id ? 'another branch' : `${branch.name}, under another name`;
      plan.problems.push(`${person.where}.openid ${person.openid}: already bound to member ${existing.name} (${existing._id}) in ${place}; one WeChat identity is one member`);
      continue;
    } else {
      const addRoles = person.roles.filter((r) => !existing.roles.includes(r));
      const setDuty = person.duty !== null && existing.duty === null;
      if (addRoles.length || setDuty) {
        const after = memberDoc.parse({ ...existing, roles: [...existing.roles, ...addRoles], duty: setDuty ? person.duty : existing.duty });
        const change = [addRoles.length ? `add ${rolesText(addRoles)}` : '', setDuty ? `duty ${person.duty}` : ''].filter(Boolean).join(', ');
        plan.writes.push({ kind: 'update', collection: COLLECTIONS.members, targetType: 'member', doc: after, before: existing, branchId: branch._id, line: `member ${existing.name} (${existing._id}) in ${branch.name}: ${change}` });
      } else {
        plan.found.push(`member ${existing.name} (${rolesText(existing.roles)}) in ${branch.name} (${existing._id})`);
      }
      if (existing.phone !== person.phone) plan.notes.push(`member ${existing.name} (${existing._id}) has phone ${existing.phone} on record, the file says ${person.phone}; the record is kept (the secretary can edit it)`);
    }
    if (home.exists && person.roles.includes('secretary')) {
      const secretaries = await read(db, COLLECTIONS.members, { branchId: branch._id, roles: 'secretary' }, memberDoc, missing);
      const others = secretaries.filter((m) => m.openid !== person.openid);
      if (others.length) plan.notes.push(`${branch.name} already has the secretary ${others.map((m) => `${m.name} (${m._id})`).join('、')}; ${person.name} becomes another one`);
    }
  }
  return plan;
}

function auditEntry(plan: Plan, write: PlannedWrite, now: Date): AuditEntryDoc {
  return auditEntryDoc.parse({
    _id: newId('audit'),
    committeeId: plan.committeeId,
    branchId: write.branchId,
    actorId: BOOTSTRAP_ACTOR.id,
    actorName: BOOTSTRAP_ACTOR.name,
    action: write.kind === 'create' ? 'bootstrap.create' : 'bootstrap.grantRoles',
    targetType: write.targetType,
    targetId: write.doc._id,
    before: write.before,
    after: write.doc,
    at: now,
  });
}

/**
 * Writes the plan: missing collections first (only where allowed: the local emulator, whose
 * collections have no access rules), then each document with its audit entry in one
 * transaction, parents before children, so an interrupted run leaves whole documents and
 * the next run finishes the rest.
 */
export async function applyPlan(db: Database, plan: Plan, now: Date, options: { createCollections: boolean }): Promise<void> {
  if (plan.problems.length) throw new Error('refusing to write: the plan has problems');
  if (plan.missingCollections.length && !options.createCollections) throw new Error(`missing collections: ${plan.missingCollections.join(', ')}`);
  for (const name of plan.missingCollections) await ensureCollection(db, name);
  for (const write of plan.writes) {
    const entry = auditEntry(plan, write, now);
    await db.runTransaction(async (t) => {
      await t.collection(write.collection).doc(write.doc._id).set(withoutId(write.doc));
      await t.collection(COLLECTIONS.auditLog).add(entry);
    });
  }
}
