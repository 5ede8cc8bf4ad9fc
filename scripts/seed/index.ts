/** The whole demo: the company (documents), demo points through the engine, and study content through the functions. */
import type { MemberDoc } from '../../shared/domain/org';
import { demoData } from './demo';
import { loadSeed } from './load';
import { seedDemoPoints } from './points';
import { seedDemoStudy } from './study';
import { seedDemoIdentity } from './identity';
import { seedDemoWork } from './work';
import { adminApp } from './load';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { ROOT } from '../lib';

/** Seeds an empty emulator whose functions are running at `origin`; returns a one-line summary. */
export async function seedDemo(origin: string): Promise<string> {
  const data = demoData();
  const counts = await loadSeed(`${origin}/admin`, data);
  // One badge photo for the demo's past check-ins.
  const { fileID: checkinPhoto } = await adminApp(`${origin}/admin`).uploadFile({ cloudPath: 'checkins/demo/badge.jpg', fileContent: readFileSync(join(ROOT, 'tests', 'fixtures', 'media', 'lesson-cover.jpg')) });
  const awards = await seedDemoPoints(`${origin}/admin`, data.members as unknown as MemberDoc[], checkinPhoto);
  const study = await seedDemoStudy(origin);
  const identity = await seedDemoIdentity(origin);
  const work = await seedDemoWork(origin);
  const documents = Object.entries(counts).filter(([, n]) => n > 0).map(([name, n]) => `${name} ${n}`).join(', ');
  return `seeded the demo company: ${documents}; ${awards} demo awards (this quarter and the last); ${study.lessons} lessons, ${study.pushes} study pushes, ${study.notes} notes, ${study.meetings} meetings; ${identity.pledges} signed pledges, ${identity.activities} themed activities; ${work.tasks} tasks, ${work.projects} project, volunteering, a squad target and a co-building agreement`;
}
