import {
  paginateDescribeDBClusterParameters,
  paginateDescribeDBParameters,
  type Parameter,
  type RDSClient,
} from '@aws-sdk/client-rds';
import { attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected, type Collected } from '../../snapshot/collected.js';
import type { TlsParameters } from '../../snapshot/storage.js';

/** AWS-managed groups are named `default.<family>`; their values are the engine defaults, which we do not read. */
export function isDefaultParameterGroup(name: string): boolean {
  return name.startsWith('default.');
}

function tlsParameters(parameters: Parameter[]): TlsParameters {
  const value = (name: string) => parameters.find((p) => p.ParameterName === name)?.ParameterValue ?? null;
  return { forceSsl: value('rds.force_ssl'), requireSecureTransport: value('require_secure_transport') };
}

/**
 * Reads the TLS parameters of each distinct custom (cluster) parameter group once, however many
 * instances share it. `Source: 'user'` returns only the values someone set (one page instead of the
 * ~400 parameters of a family); a parameter not set there has its engine default, which the checks
 * know per engine and version. Default groups are not read: their values are the engine defaults.
 */
export function parameterGroupReader(ctx: CollectContext, client: RDSClient, region: string, kind: 'instance' | 'cluster') {
  const cache = new Map<string, Promise<Collected<TlsParameters>>>();
  const read = async (name: string): Promise<Collected<TlsParameters>> => {
    const pages =
      kind === 'instance'
        ? await attemptPages(ctx, target('rds', region, 'DescribeDBParameters', name), () =>
            paginateDescribeDBParameters({ client }, { DBParameterGroupName: name, Source: 'user' }),
          )
        : await attemptPages(ctx, target('rds', region, 'DescribeDBClusterParameters', name), () =>
            paginateDescribeDBClusterParameters({ client }, { DBClusterParameterGroupName: name, Source: 'user' }),
          );
    return mapCollected(pages, (data) => tlsParameters(data.flatMap((p) => p.Parameters ?? [])));
  };
  return (name: string | null): Promise<Collected<TlsParameters>> | null => {
    if (name === null || isDefaultParameterGroup(name)) return null;
    let pending = cache.get(name);
    if (!pending) {
      pending = read(name);
      cache.set(name, pending);
    }
    return pending;
  };
}

