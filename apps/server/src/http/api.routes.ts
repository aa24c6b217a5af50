import type { FastifyInstance } from 'fastify';
import { registerHealthRoutes } from './health.routes';
import { registerAuthRoutes } from '../modules/auth/auth.routes';
import { registerCommandRoutes } from './command.routes';
import { registerIntakeRoutes } from '../modules/intake/intake.routes';
import { registerStaffRoutes } from '../modules/staff/staff.routes';
import { registerDeviceRoutes } from '../modules/devices/device.routes';
import { registerAuditRoutes } from '../modules/audit/audit.routes';
import { registerSchedulingRoutes } from '../modules/scheduling/scheduling.routes';
import { registerSeriesRoutes } from '../modules/scheduling/series.routes';
import { registerRosterRoutes } from '../modules/roster/roster.routes';
import { registerFhirRoutes } from '../modules/fhir/fhir.routes';
import { registerReportRoutes } from '../modules/reports/report.routes';
import { registerDocumentRoutes } from '../modules/documents/document.routes';
import { registerDemoRoutes } from '../seed/demo.routes';
import { createRouter, type ApiDeps } from './route';

/** The HTTP API: each module registers its own routes. */
export function registerApiRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const router = createRouter(app, deps);
  registerHealthRoutes(router);
  registerAuthRoutes(router);
  registerCommandRoutes(router);
  registerIntakeRoutes(router);
  registerStaffRoutes(router);
  registerDeviceRoutes(router);
  registerAuditRoutes(router);
  registerSchedulingRoutes(router);
  registerSeriesRoutes(router);
  registerRosterRoutes(router);
  registerFhirRoutes(router);
  registerReportRoutes(router);
  registerDocumentRoutes(router);
  registerDemoRoutes(router);
}
