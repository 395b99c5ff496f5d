/** Injection token for the validated AppConfig. */
export const AppConfigToken = Symbol('AppConfig');
/** Injection token for the process's pino logger. */
export const LoggerToken = Symbol('Logger');
