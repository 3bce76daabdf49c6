/**
 * Ceilings on what one config may ask for, checked before the expensive work so an
 * oversized or hostile file fails fast with exit 2 instead of running for minutes
 * (README, "Limits"). Each is far above any real estate: a tenant with every kind
 * of connector has 14; a file of 200 such tenants is about 1 MiB.
 */
export const LIMITS = {
  /** Bytes of one config file. */
  configFileBytes: 4 * 1024 * 1024,
  /** Tenants in one config file. */
  tenantsPerFile: 500,
  /** Connectors in one tenant. */
  connectorsPerTenant: 2_000,
  /** YAML anchors (&name) and aliases (*name) together: a real config uses a handful. */
  anchorsAndAliases: 1_000,
  /** YAML nodes that aliases may add in total when expanded (alias bombs). */
  aliasExpansionNodes: 10_000,
  /** Bytes of one `file:` secret: a GCP key or a GitHub App PEM is a few KiB. */
  secretFileBytes: 64 * 1024,
} as const;
