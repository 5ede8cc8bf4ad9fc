/**
 * The port `npm run cloud:setup` reads and changes a CloudBase environment through:
 * implemented with @cloudbase/manager-node (manager.ts) and, in tests, in memory.
 */
import type { IndexDeclaration } from '../../shared/db/collections';

/**
 * CloudBase permission tags (database collections and storage alike):
 * READONLY all read, creator writes; PRIVATE creator reads and writes; ADMINWRITE all read,
 * admin writes; ADMINONLY admin only (functions and the console); CUSTOM security rules.
 */
export type AclTag = 'READONLY' | 'PRIVATE' | 'ADMINWRITE' | 'ADMINONLY' | 'CUSTOM';

/** An index as the environment reports it; directions as CloudBase writes them ("1", "-1", "2dsphere", …). */
export interface ExistingIndex {
  name: string;
  keys: Array<{ field: string; direction: string }>;
  unique: boolean;
}

export interface CloudAdmin {
  listCollections(): Promise<string[]>;
  listIndexes(collection: string): Promise<ExistingIndex[]>;
  createCollection(collection: string): Promise<void>;
  createIndex(index: IndexDeclaration): Promise<void>;
  /** The collection's tag as reported (a string: the cloud may know tags this code does not). */
  getDatabaseAcl(collection: string): Promise<string>;
  setDatabaseAcl(collection: string, acl: AclTag): Promise<void>;
  getStorageAcl(): Promise<string>;
  setStorageAcl(acl: AclTag): Promise<void>;
}
