import type { TlsParameters } from '../../../snapshot/storage.js';

export interface TlsVerdict {
  enforced: boolean;
  /** e.g. `rds.force_ssl=1 in parameter group pg-ssl` or `rds.force_ssl defaults to 0 (default group default.postgres14)`. */
  detail: string;
}

interface DbTlsSubject {
  engine: string;
  engineVersion: string;
  parameterGroup: string | null;
}

/** Which parameter enforces TLS for an engine; null for engines that enforce TLS elsewhere (Oracle option groups, Db2). */
export function tlsParameterName(engine: string): 'rds.force_ssl' | 'require_secure_transport' | null {
  if (engine === 'postgres' || engine === 'aurora-postgresql' || engine.startsWith('sqlserver')) return 'rds.force_ssl';
  if (engine === 'mysql' || engine === 'mariadb' || engine === 'aurora-mysql' || engine === 'aurora') return 'require_secure_transport';
  return null;
}

/**
 * The engine default when a parameter group does not set the parameter. RDS for PostgreSQL turns
 * rds.force_ssl on by default from version 15 (AWS, "Using SSL with a PostgreSQL DB instance"); every
 * other engine we assess defaults to off (SQL Server rds.force_ssl 0; MySQL, MariaDB and Aurora MySQL
 * require_secure_transport OFF). Aurora PostgreSQL is treated as off: we do not assume a default we
 * cannot show, and an explicit 1 in a custom cluster parameter group resolves the finding.
 */
function engineDefault(engine: string, engineVersion: string): string {
  const major = Number.parseInt(engineVersion.split('.')[0] ?? '', 10);
  if (engine === 'postgres' && Number.isFinite(major) && major >= 15) return '1';
  return tlsParameterName(engine) === 'rds.force_ssl' ? '0' : 'OFF';
}

function isOn(value: string): boolean {
  return ['1', 'on', 'true'].includes(value.toLowerCase());
}

/** Decides from a custom group's values (null for a default group) plus the engine default. */
export function tlsVerdict(db: DbTlsSubject, parameters: TlsParameters | null): TlsVerdict | null {
  const name = tlsParameterName(db.engine);
  if (!name) return null;
  const group = db.parameterGroup ?? 'none';
  const set = parameters ? (name === 'rds.force_ssl' ? parameters.forceSsl : parameters.requireSecureTransport) : null;
  if (set !== null) return { enforced: isOn(set), detail: `${name}=${set} in parameter group ${group}` };
  const value = engineDefault(db.engine, db.engineVersion);
  const where = parameters ? `not set in parameter group ${group}` : `default parameter group ${group}`;
  return { enforced: isOn(value), detail: `${name} is the ${db.engine} ${db.engineVersion} engine default ${value} (${where})` };
}
