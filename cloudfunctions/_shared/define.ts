/**
 * One path for every action: parse the event, identify the caller from the platform,
 * validate input against the contract, check the policy table, run the handler, validate
 * the output (unknown fields are stripped, so nothing private leaks by accident) and wrap
 * everything in the envelope.
 */
import { z } from 'zod';
import { contract, callEvent, type ActionInput, type ActionName, type ActionOutput } from '../../shared/api/contract';
import { fail, ok, type Envelope } from '../../shared/api/envelope';
import { AppError } from '../../shared/api/errors';
import { mayCall } from '../../shared/api/policy';
import type { MemberDoc } from '../../shared/domain/org';
import { callTime, callerOpenid, database, type Database } from './cloud';
import { fieldsOf, toApiError } from './errors';
import { findMemberByOpenid } from './members';
import { requireCleanInput } from './content';
import { requireWithinBudget } from './throttle';
import { submitHeld } from './media-checks';
import { withCaller } from './call-context';
import { smokeOpenApis } from './smoke';
import { MAX_INPUT_DEPTH, nestsDeeperThan } from '../../shared/domain/json-depth';

export interface ActionContext {
  db: Database;
  openid: string;
  /** The member bound to the caller's WeChat identity, or null for an unbound identity. */
  member: MemberDoc | null;
  /** The time of the call, one reading for the whole action. */
  now: Date;
  /** Images the handler held for WeChat's check (`requireImages`); sent once it is done. */
  heldImages: string[];
}

/** The context of an action that only members may call: the member is known. */
export interface MemberContext extends ActionContext {
  member: MemberDoc & { branchId: string };
}

/** Handlers of one cloud function, keyed by the part of the action name after the dot. */
export type Handlers<F extends string> = {
  [A in ActionName as A extends `${F}.${infer Rest}` ? Rest : never]: (
    input: ActionInput<A>,
    ctx: ActionContext,
  ) => Promise<ActionOutput<A>>;
};

type AnyHandler = (input: unknown, ctx: ActionContext) => Promise<unknown>;

/** A timer trigger's handler (config.json `triggers`): no caller, just the database and the time. */
export type TimerHandler = (ctx: { db: Database; now: Date }) => Promise<unknown>;

/** `defineFunction('org')({ me: async (input, ctx) => … })`: curried so `F` is fixed before the handlers are typed. */
export function defineFunction<F extends string>(functionName: F) {
  return (handlers: Handlers<F>, options: { timers?: Record<string, TimerHandler> } = {}) =>
    mainFor(functionName, handlers as unknown as Record<string, AnyHandler>, options.timers ?? {});
}

const timerEvent = z.object({ Type: z.literal('Timer'), TriggerName: z.string() });
const smokeEvent = z.object({ Type: z.literal('Smoke'), openid: z.string().max(64).optional() });

function mainFor(functionName: string, table: Record<string, AnyHandler>, timers: Record<string, TimerHandler>) {
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    try {
      // Before any validator walks it: a deeply nested event would overflow the stack (500s).
      if (nestsDeeperThan(event, MAX_INPUT_DEPTH)) throw new AppError('INVALID_INPUT', '请求格式不正确');
      // The smoke and the platform's timer carry no caller. A phone cannot pose as either,
      // because every call from a phone has the caller's openid.
      // `npm run cloud:smoke` (the admin SDK): try this function's open APIs.
      const smoke = smokeEvent.safeParse(event);
      if (smoke.success && !callerOpenid()) return ok({ function: process.env.SCF_FUNCTIONNAME ?? functionName, apis: await smokeOpenApis(smoke.data.openid ?? null) });
      const timer = timerEvent.safeParse(event);
      if (timer.success && !callerOpenid()) {
        const run = timers[timer.data.TriggerName];
        if (!run) throw new AppError('NOT_FOUND', '未知的定时任务');
        return ok(await run({ db: database(), now: callTime() }));
      }
      const parsedEvent = callEvent.safeParse(event);
      if (!parsedEvent.success) throw new AppError('INVALID_INPUT', '请求格式不正确');
      const actionName = `${functionName}.${parsedEvent.data.action}`;
      const handler = table[parsedEvent.data.action];
      if (!handler || !Object.prototype.hasOwnProperty.call(contract, actionName)) {
        throw new AppError('NOT_FOUND', '未知的操作');
      }
      const name = actionName as ActionName;
      const spec = contract[name];

      const openid = callerOpenid();
      if (!openid) throw new AppError('UNAUTHENTICATED', '无法识别微信身份，请在微信中打开');

      const db = database();
      const now = callTime();
      // Before anything else reads or writes: a burst past the budget costs one write a call.
      await requireWithinBudget(db, openid, name, now.getTime());
      const member = await findMemberByOpenid(db, openid);
      const bound = member && member.branchId ? member : null;
      if (!mayCall(name, bound ? bound.roles : null)) {
        throw new AppError(bound ? 'FORBIDDEN' : 'UNAUTHENTICATED');
      }

      const input = spec.input.safeParse(parsedEvent.data.input ?? {});
      if (!input.success) throw new AppError('INVALID_INPUT', undefined, fieldsOf(input.error));
      // Text others will read passes WeChat's check before the handler writes anything.
      await requireCleanInput(name, input.data, openid);

      const heldImages: string[] = [];
      const output = await withCaller({ memberId: bound?._id ?? null }, () => handler(input.data, { db, openid, member: bound, now, heldImages }));
      // The record is written: WeChat may look at its images now (a failure is resent by a timer).
      await submitHeld(db, heldImages, now).catch((error) => console.error('[tongxin] media checks not sent', error));
      return ok(spec.output.parse(output));
    } catch (error) {
      return fail(toApiError(error));
    }
  };
}

/** Narrows the context for handlers whose policy admits members only. */
export function asMember(ctx: ActionContext): MemberContext {
  if (!ctx.member || !ctx.member.branchId) throw new AppError('UNAUTHENTICATED');
  return ctx as MemberContext;
}
