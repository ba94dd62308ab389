import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { SreError } from '../../core/errors/sre-error.js';
import type { ResilienceSettings } from '../../resilience/resilience-settings-schema.js';
import { CONFIG_OPTIONS, type ConfigOption } from './config-options.js';

/** The validated, frozen configuration. */
export interface SreConfig {
  readonly providers: readonly ('aws' | 'azure' | 'gcp')[];
  readonly aws: {
    readonly regions: readonly string[];
    readonly profile?: string;
    readonly profiles: readonly string[];
    readonly endpoint?: string;
  };
  readonly azure: { readonly subscriptions: readonly string[]; readonly endpoint?: string };
  readonly gcp: { readonly projects: readonly string[]; readonly endpoint?: string };
  readonly concurrency: number;
  readonly requestTimeoutSeconds: number;
  readonly logs: { readonly eventLimit: number };
  readonly resilience: {
    readonly delayScale: number;
    readonly breaker: ResilienceSettings['breaker'];
    readonly aws: ResilienceSettings['aws'];
    readonly azure: ResilienceSettings['azure'];
    readonly gcp: ResilienceSettings['gcp'];
  };
  readonly strict: boolean;
}

/** Where configuration comes from; later sources win: defaults < file < environment < overrides. */
export interface ConfigSources {
  /** Environment (only `SRE_*` keys are read). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Path of a YAML config file (`--config`, else `SRE_CONFIG`). */
  readonly file?: string;
  /** Values from CLI flags, by dotted key. */
  readonly overrides?: Readonly<Record<string, unknown>>;
}

function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

function getPath(source: unknown, key: string): unknown {
  let node: unknown = source;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function collectKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return prefix ? [prefix] : [];
  return Object.entries(value).flatMap(([k, v]) => collectKeys(v, prefix ? `${prefix}.${k}` : k));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function describeIssue(option: ConfigOption, source: string, issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? `${option.key}[${issue.path.map(String).join('.')}]` : option.key;
  return `${where} (from ${source}): ${issue.message}`;
}

function readConfigFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SreError(
      'CONFIG_FILE_UNREADABLE',
      `Cannot read the config file ${path}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  try {
    return parseYaml(text) ?? {};
  } catch (error) {
    throw new SreError(
      'CONFIG_FILE_UNREADABLE',
      `The config file ${path} is not valid YAML: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

/**
 * Loads the configuration once: defaults, then the YAML file, then `SRE_*` environment
 * variables, then CLI overrides; validates every option against the catalogue and deep-freezes it.
 * @throws SreError CONFIG_INVALID naming every bad key, its source and what was expected;
 *   CONFIG_FILE_UNREADABLE when the file cannot be read or parsed.
 */
export function loadConfig(sources: ConfigSources): SreConfig {
  const filePath = sources.file ?? sources.env.SRE_CONFIG;
  const fileValues = filePath === undefined ? {} : readConfigFile(filePath);
  if (typeof fileValues !== 'object' || fileValues === null || Array.isArray(fileValues)) {
    throw new SreError(
      'CONFIG_INVALID',
      `The config file ${filePath ?? ''} must be a YAML mapping of keys to values.`,
    );
  }
  const known = new Set(CONFIG_OPTIONS.map((o) => o.key));
  // A structured option (`resilience.breaker`) validates its own sub-keys.
  const unknownKeys = collectKeys(fileValues).filter(
    (k) => !known.has(k) && ![...known].some((option) => k.startsWith(`${option}.`)),
  );
  const problems: string[] = unknownKeys.map(
    (k) => `${k} (from ${filePath ?? 'file'}): unknown key; known keys are ${[...known].join(', ')}`,
  );
  const result: Record<string, unknown> = {};
  for (const option of CONFIG_OPTIONS) {
    let value: unknown = option.defaultValue;
    let source = 'default';
    const fromFile = getPath(fileValues, option.key);
    if (fromFile !== undefined) {
      value = fromFile;
      source = filePath ?? 'file';
    }
    const fromEnv = sources.env[option.env];
    if (fromEnv !== undefined && fromEnv !== '') {
      value = option.fromEnv(fromEnv);
      source = option.env;
    }
    const override = sources.overrides?.[option.key];
    if (override !== undefined) {
      value = override;
      source = 'command line';
    }
    const parsed = option.schema.safeParse(value);
    if (parsed.success) setPath(result, option.key, parsed.data);
    else problems.push(...parsed.error.issues.map((issue) => describeIssue(option, source, issue)));
  }
  if (problems.length > 0) {
    throw new SreError('CONFIG_INVALID', `Invalid configuration:\n  - ${problems.join('\n  - ')}`, {
      details: { problems },
    });
  }
  return deepFreeze(result as unknown as SreConfig);
}
