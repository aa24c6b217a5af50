export { startServerProcess, type ServerProcess } from './server-process';
export { startPrivatePostgres, type PrivatePostgres } from './private-postgres';
