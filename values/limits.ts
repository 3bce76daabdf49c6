/**
 * Ceilings on what one config may ask for, checked before the expensive work so an
 * oversized or hostile file fails fast with exit 2 instead of running for minutes
 * (docs/configuration.md, "Limits"). Each is far above a real estate (a tenant with every kind of
 * connector has 14; examples/all-sources.yaml is 2.3 KiB) and keeps the largest accepted
 * file to seconds: `plan` costs about 1 ms per connector (measured: 54,000 connectors
 * in a 4 MiB file took 54 s and 1.9 GB).
 */
export const LIMITS = {
  /** Bytes of one config file. */
  configFileBytes: 2 * 1024 * 1024,
  /** Tenants in one config file. */
  tenantsPerFile: 500,
  /** Connectors in one tenant. */
  connectorsPerTenant: 500,
  /** Connectors in one config file, all tenants together. */
  connectorsPerFile: 10_000,
  /** YAML anchors (&name) and aliases (*name) together: a real config uses a handful. */
  anchorsAndAliases: 1_000,
  /** YAML nodes that aliases may add in total when expanded (alias bombs). */
  aliasExpansionNodes: 10_000,
  /** Bytes of one `file:` secret: a GCP key or a GitHub App PEM is a few KiB. */
  secretFileBytes: 64 * 1024,
} as const;
