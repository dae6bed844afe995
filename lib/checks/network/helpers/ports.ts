/** A port the ingress checks look for, with the service people know it by. */
export interface NamedPort {
  port: number;
  service: string;
}

/** Remote administration: a shell or a desktop on the host. */
export const ADMIN_PORTS: readonly NamedPort[] = [
  { port: 22, service: 'SSH' },
  { port: 3389, service: 'RDP' },
];

/** Databases, caches, search engines and file shares: where ePHI sits. */
export const DATA_STORE_PORTS: readonly NamedPort[] = [
  { port: 445, service: 'SMB/CIFS' },
  { port: 1433, service: 'SQL Server' },
  { port: 1521, service: 'Oracle' },
  { port: 2049, service: 'NFS' },
  { port: 3306, service: 'MySQL/Aurora' },
  { port: 5432, service: 'PostgreSQL' },
  { port: 5439, service: 'Redshift' },
  { port: 6379, service: 'Redis' },
  { port: 9042, service: 'Cassandra' },
  { port: 9092, service: 'Kafka' },
  { port: 9200, service: 'Elasticsearch/OpenSearch' },
  { port: 9300, service: 'Elasticsearch/OpenSearch transport' },
  { port: 11211, service: 'Memcached' },
  { port: 27017, service: 'MongoDB' },
  { port: 27018, service: 'MongoDB shard' },
];
