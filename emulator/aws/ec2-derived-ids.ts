import { deriveHex } from './derive-hex.js';

/**
 * Ids of EC2 things the estate does not model (VPCs, subnets, security groups, reservations,
 * snapshots, KMS keys), derived deterministically from what it does model so that every run and
 * every emulator built from the same estate reports the same ids.
 */
export interface Ec2DerivedIds {
  vpcId(account: string, region: string): string;
  subnetId(account: string, zone: string): string;
  securityGroupId(account: string, region: string): string;
  reservationId(instanceId: string): string;
  snapshotId(volumeId: string): string;
  /** ARN of the account's default `aws/ebs` KMS key in a region. */
  defaultEbsKeyArn(account: string, region: string): string;
}

/** Creates the derivation functions, memoized (each id costs one SHA-256 the first time). */
export function createEc2DerivedIds(): Ec2DerivedIds {
  const memo = new Map<string, string>();
  const derive = (
    kind: string,
    parts: readonly string[],
    make: (hex: string) => string,
    length: number,
  ): string => {
    const key = `${kind}\u0000${parts.join('\u0000')}`;
    let value = memo.get(key);
    if (value === undefined) {
      value = make(deriveHex([kind, ...parts], length));
      memo.set(key, value);
    }
    return value;
  };
  return {
    vpcId: (account, region) => derive('vpc', [account, region], (hex) => `vpc-${hex}`, 17),
    subnetId: (account, zone) => derive('subnet', [account, zone], (hex) => `subnet-${hex}`, 17),
    securityGroupId: (account, region) => derive('sg', [account, region], (hex) => `sg-${hex}`, 17),
    reservationId: (instanceId) => derive('r', [instanceId], (hex) => `r-${hex}`, 17),
    snapshotId: (volumeId) => derive('snap', [volumeId], (hex) => `snap-${hex}`, 17),
    defaultEbsKeyArn: (account, region) =>
      derive(
        'kms',
        [account, region],
        (hex) =>
          `arn:aws:kms:${region}:${account}:key/${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`,
        32,
      ),
  };
}
