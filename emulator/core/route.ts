import type { IncomingMessage, ServerResponse } from 'node:http';

/** A route handler returns true when it handled the request. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
