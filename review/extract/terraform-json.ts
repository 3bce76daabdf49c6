/** The parts of a synthesized `cdk.tf.json` the extractors read (cdktf writes Terraform's JSON syntax). */
export interface TerraformJson {
  resource?: Record<string, Record<string, any>>;
  data?: Record<string, Record<string, any>>;
  locals?: Record<string, unknown>;
  provider?: Record<string, any[]>;
}

/** An extractor of one resource family from a synthesized stack; `artifact` names the file in every grant. */
export type TerraformExtractor<T> = (json: TerraformJson, artifact: string) => T[];

/** `${data.<type>.<name>.<attribute>}` as cdktf writes a data source reference: the data source's name. */
export function dataSourceName(reference: unknown, type: string, attribute: string): string | undefined {
  const match = /^\$\{data\.(\w+)\.(\w+)\.(\w+)\}$/.exec(String(reference));
  return match && match[1] === type && match[3] === attribute ? match[2] : undefined;
}
