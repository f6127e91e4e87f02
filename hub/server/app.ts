// Builds the hub's Hono app from its services. main.ts serves it; tests call `app.request()`.
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { accessGate } from './access-gate';
import { limitBodies } from './body-limit';
import { errorHandler, notFoundHandler } from './errors';
import type { HubEnv } from './hub-env';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { changeLogRoutes } from './routes/change-log';
import { changeRequestRoutes } from './routes/change-requests';
import { classRoutes } from './routes/classes';
import { deviceRoutes } from './routes/device';
import { deviceReportRoutes } from './routes/device-reports';
import { deviceSocketRoutes } from './routes/device-socket';
import { flagRoutes } from './routes/flags';
import { incidentRoutes } from './routes/incidents';
import { keywordRoutes } from './routes/keywords';
import { lessonRoutes } from './routes/lessons';
import { pupilDataRoutes } from './routes/pupil-data';
import { pupilEventRoutes } from './routes/pupil-events';
import { protectionRoutes } from './routes/protection';
import { requestRoutes } from './routes/requests';
import { retentionRoutes } from './routes/retention';
import { rosterRoutes } from './routes/roster';
import { schoolSiteRoutes } from './routes/school-sites';
import { teacherSocketRoutes } from './routes/teacher-socket';
import { createServices, type HubOptions, type HubServices } from './services';
import { dashboardFiles } from './static';
import { extensionReleaseFiles } from './extension-release';

/** `services` may be passed in by a test or bench that reads the hub's counters. */
export function createApp(options: HubOptions, services: HubServices = createServices(options)) {
  const app = new Hono<HubEnv>();

  app.use(secureHeaders());
  // The built dashboard (before no-store: its hashed assets may be cached); not an endpoint.
  app.use(dashboardFiles());
  // The self-hosted extension's update manifest and CRXs: public files too, cacheable by ETag.
  app.use(extensionReleaseFiles(options.releaseDir));
  app.use(async (c, next) => {
    await next();
    // Answers hold pupils' names: no browser or proxy may keep a copy.
    c.header('Cache-Control', 'no-store');
  });
  app.use(accessGate(services));
  app.use(limitBodies(services.limits));

  // One chain, so the app's type carries every route for the dashboard's client (AppType).
  const routed = app
    .route('/api/auth', authRoutes(services))
    .route('/api/classes', classRoutes(services))
    .route('/api/classes', rosterRoutes(services))
    .route('/api/classes', lessonRoutes(services))
    .route('/api', adminRoutes(services))
    .route('/api', requestRoutes(services))
    .route('/api/school-sites', schoolSiteRoutes(services))
    .route('/api/change-requests', changeRequestRoutes(services))
    .route('/api', changeLogRoutes(services))
    .route('/api', flagRoutes(services))
    .route('/api', keywordRoutes(services))
    .route('/api', incidentRoutes(services))
    .route('/api', retentionRoutes(services))
    .route('/api', pupilDataRoutes(services))
    .route('/api', pupilEventRoutes(services))
    .route('/api', protectionRoutes(services))
    .route('/api/device', deviceRoutes(services))
    .route('/api/device', deviceReportRoutes(services))
    // The WebSockets: upgrades reach the app like any request, so the access gate applies.
    .route('/', deviceSocketRoutes(services))
    .route('/', teacherSocketRoutes(services));

  app.notFound(notFoundHandler);
  app.onError(errorHandler(services.log));
  return routed;
}

export type HubApp = ReturnType<typeof createApp>;
/** The hub's routes as types, for `hc<AppType>` in hub/dashboard/ (type-only import). */
export type AppType = HubApp;
