// Every key the worker keeps in storage, so no two modules can pick the same name by accident.
export const LOCAL_KEYS = {
  settings: 'settings',
  managedState: 'managedState',
  enforcement: 'enforcement',
  pinFailures: 'pinFailures',
  lesson: 'lesson',
  deviceId: 'deviceId',
  hubEnrolment: 'hubEnrolment',
  hubState: 'hubState',
  outboxRetry: 'outboxRetry',
} as const;

export const SESSION_KEYS = {
  adminSessions: 'adminSessions',
} as const;
