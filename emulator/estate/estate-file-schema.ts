import { z } from 'zod';
import { NATIVE_INSTANCE_STATES } from './cloud-catalog.js';

/**
 * The schema of an estate file (JSON or YAML): the {@link Estate} shape, made lenient. Every array
 * is optional and most fields are too; `normalizeEstateFile` fills the gaps with deterministic
 * defaults. Unknown keys are errors, so that a typo (`stat:` for `state:`) is reported instead of
 * silently replaced by a default.
 */

const ProviderSchema = z.enum(['aws', 'azure', 'gcp']);

const TimeSchema = z
  .string({ error: 'expected an ISO-8601 time such as 2026-11-25T00:00:00Z' })
  .refine((value) => !Number.isNaN(Date.parse(value)), {
    message: 'expected an ISO-8601 time such as 2026-11-25T00:00:00Z',
  });

const TagsSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean()], { error: 'expected a string, number or boolean tag value' }),
);

const MetricKindSchema = z.enum(['idle', 'busy', 'spiky', 'steady']);

/** A metric pattern, or just its kind (`cpu: busy`). */
const MetricPatternSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { kind: value } : value),
  z.strictObject({
    kind: MetricKindSchema.optional(),
    base: z.number().nonnegative().optional(),
    amplitude: z.number().nonnegative().optional(),
    phaseMinutes: z.number().optional(),
    noiseSeed: z.number().int().nonnegative().optional(),
    unit: z.enum(['percent', 'bytesPerSecond']).optional(),
  }),
);

/** Instance metrics, or one kind for all four (`metrics: spiky`). */
const InstanceMetricsSchema = z.preprocess(
  (value) =>
    typeof value === 'string' ? { cpu: value, memory: value, networkIn: value, networkOut: value } : value,
  z.strictObject({
    cpu: MetricPatternSchema.optional(),
    memory: MetricPatternSchema.optional(),
    networkIn: MetricPatternSchema.optional(),
    networkOut: MetricPatternSchema.optional(),
  }),
);

/** Fields every placed resource has; `id` or `name` must be given. */
const placed = {
  provider: ProviderSchema,
  id: z.string().min(1).optional(),
  name: z.string().optional(),
  account: z.string().min(1).optional(),
  region: z.string().min(1).optional(),
  resourceGroup: z.string().min(1).optional(),
  tags: TagsSchema.optional(),
  createdTime: TimeSchema.optional(),
};

function requireIdOrName(
  value: { id?: string | undefined; name?: string | undefined },
  context: z.RefinementCtx,
): void {
  if (value.id === undefined && (value.name === undefined || value.name === '')) {
    context.addIssue({ code: 'custom', path: [], message: 'needs an id or a name' });
  }
}

const AccountSchema = z.strictObject({
  provider: ProviderSchema,
  id: z.string().min(1),
  name: z.string().optional(),
  number: z.union([z.string(), z.number()]).optional(),
  regions: z.array(z.string().min(1)).optional(),
  environment: z.string().optional(),
});

const RegionSchema = z.strictObject({
  provider: ProviderSchema,
  name: z.string().min(1),
  zones: z.array(z.string()).optional(),
});

const InstanceSchema = z
  .strictObject({
    ...placed,
    zone: z.string().optional(),
    type: z.string().min(1).optional(),
    state: z.string().optional(),
    launchTime: TimeSchema.optional(),
    privateIp: z.string().optional(),
    publicIp: z.string().optional(),
    platform: z.enum(['linux', 'windows']).optional(),
    imageId: z.string().optional(),
    monitoring: z.boolean().optional(),
    volumeIds: z.array(z.string()).optional(),
    metrics: InstanceMetricsSchema.optional(),
  })
  .superRefine((instance, context) => {
    requireIdOrName(instance, context);
    const states = NATIVE_INSTANCE_STATES[instance.provider];
    if (instance.state !== undefined && !states.includes(instance.state)) {
      context.addIssue({
        code: 'custom',
        path: ['state'],
        message: `expected one of ${states.join('|')} for ${instance.provider}, got "${instance.state}"`,
      });
    }
  });

const VolumeSchema = z
  .strictObject({
    ...placed,
    zone: z.string().optional(),
    sizeGb: z.number().int().positive().optional(),
    volumeType: z.string().min(1).optional(),
    attachedTo: z.string().min(1).optional(),
    device: z.string().optional(),
    encrypted: z.boolean().optional(),
    kmsKeyId: z.string().optional(),
    iops: z.number().int().nonnegative().optional(),
  })
  .superRefine(requireIdOrName);

const FunctionSchema = z
  .strictObject({
    ...placed,
    runtime: z.string().min(1).optional(),
    runtimeDeprecated: z.boolean().optional(),
    memoryMb: z.number().int().min(64).max(32_768).optional(),
    timeoutSeconds: z.number().positive().max(3600).optional(),
    handler: z.string().optional(),
    codeSizeBytes: z.number().int().nonnegative().optional(),
    lastModified: TimeSchema.optional(),
    state: z.string().min(1).optional(),
    logGroup: z.string().min(1).optional(),
  })
  .superRefine(requireIdOrName);

const DatabaseSchema = z
  .strictObject({
    ...placed,
    zone: z.string().optional(),
    server: z.string().min(1).optional(),
    engine: z.string().min(1).optional(),
    engineVersion: z.string().optional(),
    instanceClass: z.string().optional(),
    status: z.string().min(1).optional(),
    multiAz: z.boolean().optional(),
    publiclyAccessible: z.boolean().optional(),
    storageGb: z.number().int().positive().optional(),
    encrypted: z.boolean().optional(),
  })
  .superRefine(requireIdOrName);

const BucketSchema = z
  .strictObject({
    ...placed,
    publicAccess: z.boolean().optional(),
    encrypted: z.boolean().optional(),
    versioning: z.boolean().optional(),
    storageClass: z.string().min(1).optional(),
  })
  .superRefine(requireIdOrName);

const LogStreamSchema = z.strictObject({
  name: z.string().min(1),
  ratePerMinute: z.number().nonnegative().optional(),
  errorRatio: z.number().min(0).max(1).optional(),
  seed: z.number().int().nonnegative().optional(),
});

const LogGroupSchema = z
  .strictObject({
    provider: ProviderSchema,
    id: z.string().min(1).optional(),
    name: z.string().optional(),
    account: z.string().min(1).optional(),
    region: z.string().min(1).optional(),
    createdTime: TimeSchema.optional(),
    retentionDays: z.number().int().positive().optional(),
    storedBytes: z.number().int().nonnegative().optional(),
    resourceId: z.string().optional(),
    source: z.string().min(1).optional(),
    streams: z.array(LogStreamSchema).optional(),
  })
  .superRefine(requireIdOrName);

const AuditEventSchema = z.strictObject({
  provider: ProviderSchema,
  id: z.string().min(1).optional(),
  account: z.string().min(1).optional(),
  region: z.string().min(1).optional(),
  time: TimeSchema,
  action: z.enum(['create', 'start', 'stop', 'delete', 'modify']),
  operation: z.string().min(1).optional(),
  source: z.string().min(1).optional(),
  actor: z.string().min(1).optional(),
  resourceId: z.string().min(1),
  resourceType: z.string().min(1).optional(),
  resourceName: z.string().optional(),
  resourceGroup: z.string().min(1).optional(),
});

/** The whole estate file. */
export const EstateFileSchema = z.strictObject({
  seed: z.number().optional(),
  size: z.string().optional(),
  anchorTime: TimeSchema.optional(),
  accounts: z.array(AccountSchema).optional(),
  regions: z.array(RegionSchema).optional(),
  instances: z.array(InstanceSchema).optional(),
  volumes: z.array(VolumeSchema).optional(),
  functions: z.array(FunctionSchema).optional(),
  databases: z.array(DatabaseSchema).optional(),
  buckets: z.array(BucketSchema).optional(),
  logGroups: z.array(LogGroupSchema).optional(),
  auditEvents: z.array(AuditEventSchema).optional(),
});

/** An estate file after schema validation, before defaults are filled in. */
export type EstateFileData = z.infer<typeof EstateFileSchema>;
