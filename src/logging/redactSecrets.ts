/**
 * Belt and braces: error texts come from the network stack and the gateway, which should never
 * echo a key, but a misconfigured proxy might. Bearer tokens and `sk-…` keys are masked.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(/(Bearer\s+)[^\s"',;]+/gi, '$1***')
    .replace(/\bsk-[A-Za-z0-9_-]{6,}/g, 'sk-***');
}
