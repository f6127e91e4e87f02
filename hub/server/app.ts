// Builds the hub's Hono app from its services. main.ts serves it; tests call `app.request()`.
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { accessGate } from './access-gate';
import { limitBodies } from './body-limit';
import { errorHandler, notFoundHandler } from './errors';
import type { HubEnv } from './hub-env';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { classRoutes } from './routes/classes';
import { deviceRoutes } from './routes/device';
import { rosterRoutes } from './routes/roster';
import { createServices, type HubOptions } from './services';

export function createApp(options: HubOptions) {
  const services = createServices(options);
  const app = new Hono<HubEnv>();

  app.use(secureHeaders());
  app.use(async (c, next) => {
    await next();
    // Answers hold pupils' names: no browser or proxy may keep a copy.
    c.header('Cache-Control', 'no-store');
  });
  app.use(accessGate(services));
  app.use(limitBodies(services.limits));

  app.route('/api/auth', authRoutes(services));
  app.route('/api/classes', classRoutes(services));
  app.route('/api/classes', rosterRoutes(services));
  app.route('/api', adminRoutes(services));
  app.route('/api/device', deviceRoutes(services));

  app.notFound(notFoundHandler);
  app.onError(errorHandler(services.log));
  return app;
}

export type HubApp = ReturnType<typeof createApp>;
