/** An SDK tag (`{ Key, Value }`), as EC2, EBS and RDS return them. */
export interface AwsTag {
  readonly Key?: string | undefined;
  readonly Value?: string | undefined;
}

/** Turns an SDK tag list into a plain map (tags without a key are dropped, missing values become ''). */
export function toTagMap(tags: readonly AwsTag[] | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const tag of tags ?? []) {
    if (tag.Key !== undefined && tag.Key !== '') map[tag.Key] = tag.Value ?? '';
  }
  return map;
}
