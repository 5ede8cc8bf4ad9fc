/** The whole demo: the company (documents), demo points through the engine, the last quarter's 民主评议, and study content through the functions. */
import type { MemberDoc } from '../../shared/domain/org';
import { demoData } from './demo';
import { loadSeed, type AdminApp } from './load';
import { seedDemoPoints } from './points';
import { seedDemoAppraisal } from './appraisal';
import { seedDemoStudy } from './study';
import { seedDemoIdentity } from './identity';
import { seedDemoWork } from './work';
import { adminApp } from './load';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { ROOT } from '../lib';

export interface SeedDemoOptions {
  /** The functions' database and storage (default: the emulator's admin API at `origin`). */
  admin?: AdminApp;
  /** The instant the demo is made at: "this quarter" and "the last" (default: now). */
  now?: Date;
}

/** Seeds an empty emulator whose functions are running at `origin`; returns a one-line summary. */
export async function seedDemo(origin: string, options: SeedDemoOptions = {}): Promise<string> {
  const adminUrl = `${origin}/admin`;
  const admin = options.admin ?? adminApp(adminUrl);
  const now = options.now ?? new Date();
  const data = demoData();
  const counts = await loadSeed(admin, data);
  // One badge photo for the demo's past check-ins.
  const { fileID: checkinPhoto } = await admin.uploadFile({ cloudPath: 'checkins/demo/badge.jpg', fileContent: readFileSync(join(ROOT, 'tests', 'fixtures', 'media', 'lesson-cover.jpg')) });
  const members = data.members as unknown as MemberDoc[];
  // Given the emulator's URL rather than an app, the points are awarded from a worker thread.
  const awards = await seedDemoPoints(options.admin ?? adminUrl, members, checkinPhoto, now);
  const appraisal = await seedDemoAppraisal(origin, members, now);
  const study = await seedDemoStudy(origin);
  const identity = await seedDemoIdentity(origin);
  const work = await seedDemoWork(origin, now);
  const documents = Object.entries(counts).filter(([, n]) => n > 0).map(([name, n]) => `${name} ${n}`).join(', ');
  return `seeded the demo company: ${documents}; ${awards} demo awards (this quarter and the last); last quarter's 民主评议 in ${appraisal.rounds} branches (${appraisal.ballots} ballots, the quarter left open to close and publish); ${study.lessons} lessons, ${study.pushes} study pushes, ${study.notes} notes, ${study.meetings} meetings; ${identity.pledges} signed pledges, ${identity.activities} themed activities; ${work.tasks} tasks, ${work.projects} project, volunteering, a squad target and a co-building agreement`;
}
