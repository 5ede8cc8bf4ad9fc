/**
 * The CloudAdmin port and the deploy check's FunctionReader, implemented with
 * @cloudbase/manager-node 5.6.5 (Tencent Cloud API 3.0, service tcb 2018-06-08):
 * - collections: ListTables, CreateTable; indexes: DescribeTable, UpdateTable{CreateIndexes}
 *   (database.listCollections / createCollection / describeCollection / updateCollection)
 * - collection permissions: DescribeDatabaseACL / ModifyDatabaseACL {EnvId, CollectionName,
 *   AclTag}, which manager-node has no wrapper for, so they go through commonService('tcb')
 *   (as CloudBase's own MCP tools do)
 * - storage permission: DescribeStorageSafeRule / ModifyStorageSafeRule (storage.getStorageAcl /
 *   setStorageAcl), on the environment's default bucket
 * - functions: SCF GetFunction (functions.getFunctionDetail)
 * - the deploy's preflight: DescribeEnvInfo (env.getEnvInfo)
 * manager-node reads TCB_BASE_URL for the tcb service's address, which the tests point at a
 * local stand-in.
 */
import CloudBase from '@cloudbase/manager-node';
import { z } from 'zod';
import type { CloudAdmin, ExistingIndex } from './cloud-admin';
import type { CloudTarget } from './credentials';
import type { FunctionReader } from './verify-functions';

export function managerApp(target: CloudTarget): CloudBase {
  return new CloudBase({
    envId: target.envId,
    secretId: target.secretId,
    secretKey: target.secretKey,
    token: target.sessionToken,
    region: target.region,
  });
}

const aclReply = z.object({ AclTag: z.string() });

const PAGE = 100;

export function managerAdmin(app: CloudBase, envId: string): CloudAdmin {
  const tcb = app.commonService('tcb');
  return {
    async listCollections() {
      const names: string[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await app.database.listCollections({ MgoLimit: PAGE, MgoOffset: offset });
        names.push(...page.Collections.map((c) => c.CollectionName));
        if (page.Collections.length < PAGE || names.length >= (page.Pager?.Total ?? 0)) return names;
      }
    },
    async listIndexes(collection) {
      const table = await app.database.describeCollection(collection);
      return (table.Indexes ?? []).map(
        (index): ExistingIndex => ({
          name: index.Name,
          keys: (index.Keys ?? []).map((key) => ({ field: key.Name ?? '', direction: String(key.Direction ?? '') })),
          unique: Boolean(index.Unique),
        }),
      );
    },
    async createCollection(collection) {
      await app.database.createCollection(collection);
    },
    async createIndex(index) {
      await app.database.updateCollection(index.collection, {
        CreateIndexes: [
          {
            IndexName: index.name,
            MgoKeySchema: {
              MgoIndexKeys: index.fields.map((f) => ({ Name: f.field, Direction: String(f.direction) })),
              MgoIsUnique: Boolean(index.unique),
            },
          },
        ],
      });
    },
    async getDatabaseAcl(collection) {
      const reply: unknown = await tcb.call({ Action: 'DescribeDatabaseACL', Param: { EnvId: envId, CollectionName: collection } });
      return aclReply.parse(reply).AclTag;
    },
    async setDatabaseAcl(collection, acl) {
      await tcb.call({ Action: 'ModifyDatabaseACL', Param: { EnvId: envId, CollectionName: collection, AclTag: acl } });
    },
    async getStorageAcl() {
      return app.storage.getStorageAcl();
    },
    async setStorageAcl(acl) {
      await app.storage.setStorageAcl(acl);
    },
  };
}

const NOT_FOUND = /^ResourceNotFound/;

export function managerFunctionReader(app: CloudBase): FunctionReader {
  return {
    async read(name) {
      try {
        const info = await app.functions.getFunctionDetail(name);
        return {
          status: info.Status,
          statusDesc: info.StatusDesc ?? '',
          triggerNames: (info.Triggers ?? []).map((t) => t.TriggerName || t.Name),
          envKeys: (info.Environment?.Variables ?? []).map((v) => v.Key),
        };
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'string' && NOT_FOUND.test(code)) return null;
        throw error;
      }
    },
  };
}

/** Resolves when the key can read the environment; rejects with the API's error otherwise. */
export async function reachEnvironment(app: CloudBase): Promise<void> {
  await app.env.getEnvInfo();
}
