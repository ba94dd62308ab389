/**
 * Prompt-injection and code-injection patterns (English and Chinese). A match makes the question
 * unrecognized: the rule engine never acts on text that tries to change its instructions.
 */
export const INJECTION_PATTERNS: readonly { readonly id: string; readonly pattern: RegExp }[] = [
  {
    id: 'INJ-OVERRIDE',
    pattern:
      /\b(?:ignore|disregard|forget|override|bypass|skip)\b.{0,30}\b(?:previous|prior|above|earlier|all|your|the|system|any)\b.{0,20}\b(?:instructions?|prompts?|rules?|guidelines?|directives?|policies|policy|constraints?|restrictions?)\b/,
  },
  {
    id: 'INJ-ROLE',
    pattern:
      /\b(?:you are now|act as|pretend (?:to be|you are)|roleplay|role-play|from now on you|jailbreak|developer mode|dan mode|do anything now)\b/,
  },
  {
    id: 'INJ-SYSTEM',
    pattern:
      /\b(?:system prompt|system message|hidden prompt|reveal your|print your (?:instructions|prompt)|<\/?system>|\[system\]|assistant:)/,
  },
  {
    id: 'INJ-CODE',
    pattern:
      /(?:<script|rm -rf|;\s*drop\s+table|\$\(|`[^`]*`|\beval\(|\bexec\(|__import__|os\.system|subprocess|\|\s*sh\b|&&\s*curl|\bcurl\s+https?:|\bwget\s)/,
  },
  {
    id: 'INJ-SECRETS-ZH',
    pattern:
      /(?:给我|显示|打印|导出|发给|发我|泄露|告诉我|输出).{0,12}(?:访问密钥|秘钥|密钥|密码|凭证|凭据|令牌|token)|(?:访问密钥|秘钥|密钥|密码|凭证|凭据|令牌).{0,12}(?:给我|显示|打印|导出|发给|发我|泄露|告诉我|输出)/,
  },
  {
    id: 'INJ-SECRETS',
    pattern:
      /\b(?:access keys?|secret keys?|credentials|passwords?|api keys?|tokens?)\b.{0,30}\b(?:show|print|reveal|dump|give|send|leak|export)\b|\b(?:show|print|reveal|dump|give me|send|leak|export)\b.{0,30}\b(?:access keys?|secret (?:access )?keys?|credentials|passwords?|api keys?)\b/,
  },
  {
    id: 'INJ-ZH-OVERRIDE',
    pattern:
      /(?:忽略|无视|忘记|忘掉|跳过|绕过).{0,12}(?:之前|以上|前面|上面|所有|全部|你的|系统)?.{0,6}(?:指令|指示|规则|提示|设定|限制|要求|约束)/,
  },
  {
    id: 'INJ-ZH-ROLE',
    pattern: /(?:你现在是|你现在扮演|扮演|假装你是|假设你是|从现在开始你|越狱|开发者模式)/,
  },
  { id: 'INJ-ZH-SYSTEM', pattern: /(?:系统提示|系统指令|提示词|输出你的(?:指令|提示))/ },
  {
    id: 'INJ-ZH-SECRETS',
    pattern: /(?:显示|输出|打印|泄露|导出|给我).{0,10}(?:密钥|密码|凭证|凭据|访问密钥|secret)/,
  },
];
