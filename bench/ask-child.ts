// A child process of `npm run bench`: asks questions of an emulator through the product, one after
// another, and prints {ms, maxRssMb, answers} as JSON on its last line. The emulator runs in the
// parent, so this process's peak RSS is the answering side's alone.
import { loadConfig } from '../src/app/config/load-config.js';
import { createApp } from '../src/app/create-app.js';

/** What the parent passes as the one argument (JSON). */
export interface AskChildSpec {
  /** Configuration overrides (endpoints, accounts, regions, delayScale…). */
  readonly overrides: Record<string, unknown>;
  /** One static credential set per AWS account of the estate. */
  readonly awsCredentialSets: readonly { label: string; accessKeyId: string; secretAccessKey: string }[];
  /** The app's clock (ISO time), fixed so two runs read the same metric window. */
  readonly now: string;
  readonly questions: readonly string[];
}

/** One answer, reduced to what the parent prints and checks. */
export interface AskChildAnswer {
  readonly question: string;
  readonly ms: number;
  readonly ok: boolean;
  readonly partial: boolean;
  readonly count: number;
  /** Rows per provider (`aws: 45000, …`). */
  readonly rowsByProvider: Readonly<Record<string, number>>;
  readonly resultHash: string;
  /** Scopes not read, as `provider/account/region/service: status code`, when any. */
  readonly failedScopes: readonly string[];
  readonly error?: string;
}

/** What this process prints. */
export interface AskChildResult {
  /** Wall time of all questions, asked one after another. */
  readonly ms: number;
  /** Peak resident set size of this process, MB. */
  readonly maxRssMb: number;
  readonly answers: readonly AskChildAnswer[];
}

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const spec = JSON.parse(process.argv[2] ?? '{}') as AskChildSpec;
const config = loadConfig({ env: {}, overrides: spec.overrides });
const app = createApp(config, {
  now: () => new Date(spec.now),
  awsCredentialSets: spec.awsCredentialSets,
});

const answers: AskChildAnswer[] = [];
const start = performance.now();
for (const question of spec.questions) {
  const questionStart = performance.now();
  const answer = await app.ask(question);
  const questionMs = performance.now() - questionStart;
  const rowsByProvider: Record<string, number> = {};
  for (const row of answer.rows) {
    const provider = typeof row.provider === 'string' ? row.provider : '?';
    rowsByProvider[provider] = (rowsByProvider[provider] ?? 0) + 1;
  }
  // Keep only the summary: the rows of one answer are released before the next question.
  answers.push({
    question,
    ms: questionMs,
    ok: answer.ok,
    partial: answer.partial,
    count: answer.count,
    rowsByProvider,
    resultHash: answer.provenance.resultHash ?? '',
    failedScopes: answer.coverage
      .filter((c) => c.status !== 'ok')
      .map((c) => `${c.provider}/${c.account}/${c.region}/${c.service}: ${c.status} ${c.errorCode ?? ''}`),
    ...(answer.error === undefined ? {} : { error: `${answer.error.code}: ${answer.error.message}` }),
  });
}
const ms = performance.now() - start;
const result: AskChildResult = { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, answers };
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
