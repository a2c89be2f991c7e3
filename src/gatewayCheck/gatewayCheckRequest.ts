/**
 * How the extension's own UI names the gateway to check (the gateway of a failing task, which may
 * not be the configured one). Only this extension can make one; any other argument (from another
 * extension or a `command:` link) is ignored and the configured gateway is checked, so that
 * nobody can have the extension send requests to an address of their choosing.
 *
 * Apart from the command, so that the notifications offering a check do not load the check itself.
 */
export class GatewayCheckRequest {
  constructor(readonly baseUrl: string) {}
}
