import { COLLECTIONS } from '../../shared/db/collections';
import { memberDoc, type MemberDoc } from '../../shared/domain/org';
import type { Database } from './cloud';

/** The member bound to a WeChat identity; one query on the `byOpenid` index. */
export async function findMemberByOpenid(db: Database, openid: string): Promise<MemberDoc | null> {
  const { data } = await db.collection(COLLECTIONS.members).where({ openid }).limit(1).get();
  const first = (data as unknown[])[0];
  return first ? memberDoc.parse(first) : null;
}
