import type { CommandName } from '@clinicflow/domain';
import { messages as t } from './messages';
import { session } from './session.svelte';

/** A console page: the header links to it, `g` + `key` goes there, the palette lists it. */
export type NavLink = { path: NavPath; label: string; testid: string; key: string };
export type NavPath =
  | '/'
  | '/schedule'
  | '/roster'
  | '/tasks'
  | '/dashboard'
  | '/displays'
  | '/admin/staff'
  | '/admin/types'
  | '/admin/devices'
  | '/admin/audit';

const mayRunAny = (...commands: CommandName[]) => commands.some((c) => session.may(c));

/** The pages the signed-in user may see, in header order (reactive: reads the session). */
export function navLinks(): NavLink[] {
  const all: (NavLink & { show: boolean })[] = [
    { path: '/', label: t.nav.flowBoard, testid: 'nav-flow', key: 'f', show: session.canSee('flowBoard') },
    {
      path: '/schedule',
      label: t.nav.schedule,
      testid: 'nav-schedule',
      key: 's',
      show: session.canSee('schedule'),
    },
    { path: '/roster', label: t.nav.roster, testid: 'nav-roster', key: 'r', show: session.canSee('roster') },
    { path: '/tasks', label: t.nav.tasks, testid: 'nav-tasks', key: 't', show: session.canSee('tasks') },
    {
      path: '/dashboard',
      label: t.nav.dashboard,
      testid: 'nav-dashboard',
      key: 'b',
      show: session.canSee('reports'),
    },
    {
      path: '/displays',
      label: t.nav.displays,
      testid: 'nav-displays',
      key: 'd',
      show: mayRunAny('UpdateDisplaySettings', 'AnnounceDelay', 'SetEquipmentStatus'),
    },
    {
      path: '/admin/staff',
      label: t.nav.staff,
      testid: 'nav-staff',
      key: 'u',
      show: session.canSee('staffAccounts'),
    },
    {
      path: '/admin/types',
      label: t.nav.types,
      testid: 'nav-types',
      key: 'y',
      show: session.may('CreateAppointmentType'),
    },
    {
      path: '/admin/devices',
      label: t.nav.devices,
      testid: 'nav-devices',
      key: 'v',
      show: session.canSee('devices'),
    },
    {
      path: '/admin/audit',
      label: t.nav.audit,
      testid: 'nav-audit',
      key: 'a',
      show: session.canSee('auditLog'),
    },
  ];
  return all.filter((link) => link.show).map(({ show: _, ...link }) => link);
}
