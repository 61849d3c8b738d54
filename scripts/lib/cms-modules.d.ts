// Minimal declarations for the two untyped packages the web editor (`npm run cms`) uses: the
// parts of express it calls, and decap-server's middleware entry.
declare module 'express' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface Request extends IncomingMessage {
    body: unknown;
  }
  export interface Response extends ServerResponse {
    status(code: number): Response;
    json(body: unknown): Response;
  }
  export type NextFunction = (error?: unknown) => void;
  export type Handler = (req: Request, res: Response, next: NextFunction) => void;
  export type ErrorHandler = (
    error: unknown,
    req: Request,
    res: Response,
    next: NextFunction,
  ) => void;
  export interface Application {
    (req: IncomingMessage, res: ServerResponse): void;
    disable(setting: string): Application;
    use(...handlers: (Handler | ErrorHandler)[]): Application;
    post(path: string, ...handlers: Handler[]): Application;
  }
  const express: {
    (): Application;
    json(options?: { limit?: string }): Handler;
  };
  export default express;
}

declare module 'decap-server/dist/middlewares.js' {
  import type { Application } from 'express';

  const middlewares: {
    /**
     * Adds decap-server's file-system API (POST /api/v1) to `app`, for the repository at
     * `$GIT_REPO_DIRECTORY` (read when called).
     */
    registerLocalFs(app: Application, options?: { logLevel?: string }): Promise<void>;
  };
  export default middlewares;
}
