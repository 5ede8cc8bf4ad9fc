/**
 * Timer triggers, as CloudBase runs them: a function's config.json lists
 * `triggers: [{name, type: 'timer', config: '<7-field cron>'}]` and the platform invokes
 * `main` with `{Type: 'Timer', TriggerName, Time}` and no caller identity. The emulator
 * understands the cron forms the project uses: every N seconds or every N minutes.
 */
import type { BuiltFunction } from './build';
import type { FunctionHost, InvocationOutcome } from './host';

export interface TimerTrigger {
  name: string;
  type: 'timer';
  config: string;
}

// '0 * * * * * *' → 60 s; '0 */5 * * * * *' → 300 s; '*/10 * * * * * *' → 10 s.
export function cronIntervalMs(cron: string): number {
  const [seconds, minutes] = cron.trim().split(/\s+/);
  const every = (field: string | undefined) => (field === '*' ? 1 : /^\*\/(\d+)$/.exec(field ?? '')?.[1]);
  const s = every(seconds);
  if (s !== undefined && seconds !== '0') return Number(s) * 1000;
  const m = every(minutes);
  if (m !== undefined) return Number(m) * 60_000;
  throw new Error(`timer cron "${cron}" is not supported by the emulator (use every N seconds or minutes)`);
}

export function timerEvent(triggerName: string, now = new Date()) {
  return { Type: 'Timer', TriggerName: triggerName, Time: now.toISOString(), Message: '' };
}

export class TimerScheduler {
  private readonly handles: NodeJS.Timeout[] = [];

  constructor(
    private readonly host: FunctionHost,
    private readonly functions: readonly BuiltFunction[],
    private readonly log: (message: string) => void,
  ) {}

  /** Invokes one trigger now (tests and the `POST /__/timers/<function>/<trigger>` route). */
  fire(functionName: string, triggerName: string): Promise<InvocationOutcome> {
    const fn = this.functions.find((f) => f.name === functionName);
    if (!fn?.triggers.some((t) => t.name === triggerName)) {
      return Promise.resolve({ ok: false, reason: 'NOT_FOUND', message: `no timer ${functionName}/${triggerName}` });
    }
    return this.host.invoke(functionName, timerEvent(triggerName), { openid: null, appid: '' });
  }

  start(): void {
    for (const fn of this.functions) {
      for (const trigger of fn.triggers) {
        const handle = setInterval(() => {
          void this.fire(fn.name, trigger.name).then((outcome) => {
            if (!outcome.ok) this.log(`timer ${fn.name}/${trigger.name} failed: ${outcome.message}`);
          });
        }, cronIntervalMs(trigger.config));
        handle.unref();
        this.handles.push(handle);
      }
    }
  }

  stop(): void {
    for (const handle of this.handles.splice(0)) clearInterval(handle);
  }
}
