/** Lesson documents as the contract shows them, with temporary cover URLs and the caller's viewing. */
import type { LessonView } from '../../shared/api/contract';
import { COLLECTIONS } from '../../shared/db/collections';
import { tempUrls } from '../_shared/files';
import type { Database } from '../_shared/cloud';
import { watchDoc, watchId, type LessonDoc, type WatchDoc } from './docs';

export async function myWatches(db: Database, memberId: string | null, lessonIds: readonly string[]): Promise<Map<string, WatchDoc>> {
  const byLesson = new Map<string, WatchDoc>();
  if (!memberId || !lessonIds.length) return byLesson;
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTIONS.lessonWatches)
    .where({ _id: _.in(lessonIds.map((id) => watchId(id, memberId))) })
    .limit(1000)
    .get();
  for (const row of data as unknown[]) {
    const w = watchDoc.parse(row);
    byLesson.set(w.lessonId, w);
  }
  return byLesson;
}

export async function lessonViews(docs: readonly LessonDoc[], watches: Map<string, WatchDoc> | null): Promise<LessonView[]> {
  const urls = await tempUrls(docs.flatMap((d) => (d.cover ? [d.cover] : [])));
  return docs.map((d) => {
    const w = watches?.get(d._id);
    return {
      id: d._id,
      title: d.title,
      summary: d.summary,
      speaker: { id: d.speakerId, name: d.speakerName },
      unit: d.unitId && d.unitName ? { id: d.unitId, name: d.unitName } : null,
      branchName: d.branchName,
      durationSeconds: d.durationSeconds,
      status: d.status,
      coverUrl: d.cover ? (urls.get(d.cover) ?? null) : null,
      createdAt: d.createdAt.toISOString(),
      publishedAt: d.publishedAt?.toISOString() ?? null,
      mine: watches ? { watchedRatio: w?.ratio ?? 0, completed: Boolean(w?.completedAt) } : null,
    };
  });
}
