/**
 * The database and storage a test stack's functions use, as tests see them: the emulator's
 * own services, or a CloudBase environment reached through the real SDK (test:cloud).
 * Tests read state and place files only through this, so one test runs on both.
 */
import tcb from '@cloudbase/node-sdk';
import type { Emulator, RemoteDataPlane } from '../../emulator';
import { COLLECTIONS } from '../../shared/db/collections';
import { toEJSONString } from '../../emulator/database/ejson';
import { adminApp, emptyCollection, type AdminApp } from '../../scripts/seed/load';

export type State = Record<string, unknown[]>;

export interface DataPlane {
  /** An admin SDK app on the same database and storage as the functions. */
  app: AdminApp;
  /**
   * Every document of every collection as canonical EJSON, as the emulator stores it (remote:
   * the declared collections, in _id order), so a test reads the same shapes on both.
   */
  state(): Promise<State>;
  /** Stores a file as a phone's upload would; returns its fileID. */
  putFile(cloudPath: string, file: { bytes: Buffer; contentType: string }): Promise<string>;
}

export function localPlane(emulator: Emulator): DataPlane {
  return {
    app: adminApp(emulator.adminUrl),
    state: async () => emulator.database.exportState(),
    putFile: async (cloudPath, file) => emulator.storage.putClientFile(cloudPath, file),
  };
}

const PAGE = 1000; // the SDK's largest page

export function remoteApp(plane: RemoteDataPlane): AdminApp {
  if (plane.serviceUrl) process.env.TENCENTCLOUD = 'true'; // a stand-in on loopback: no metadata probe
  else {
    // Marks of running inside Tencent Cloud would send the SDK to the internal endpoint.
    delete process.env.TENCENTCLOUD;
    delete process.env.TENCENTCLOUD_RUNENV;
  }
  return tcb.init({
    env: plane.envId,
    region: plane.region,
    secretId: plane.secretId,
    secretKey: plane.secretKey,
    sessionToken: plane.sessionToken,
    ...(plane.serviceUrl ? { serviceUrl: plane.serviceUrl } : {}),
  });
}

export function remotePlane(plane: RemoteDataPlane): DataPlane {
  const app = remoteApp(plane);
  const db = app.database();
  return {
    app,
    async state() {
      const state: State = {};
      for (const name of Object.values(COLLECTIONS)) {
        const docs: unknown[] = [];
        for (;;) {
          const { data } = await db.collection(name).orderBy('_id', 'asc').skip(docs.length).limit(PAGE).get();
          docs.push(...(data as unknown[]).map((doc) => JSON.parse(toEJSONString(doc)) as unknown));
          if ((data as unknown[]).length < PAGE) break;
        }
        state[name] = docs;
      }
      return state;
    },
    async putFile(cloudPath, file) {
      const { fileID } = await app.uploadFile({ cloudPath, fileContent: file.bytes });
      return fileID;
    },
  };
}

/**
 * Empties every declared collection (creating missing ones), so a test file starts from
 * nothing as it does on an in-memory emulator. Only ever pointed at a test environment.
 */
export async function wipe(app: AdminApp): Promise<void> {
  const db = app.database();
  for (const name of Object.values(COLLECTIONS)) await emptyCollection(db, name);
}
