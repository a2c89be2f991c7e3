import type * as vscode from 'vscode';
import { inertLogText } from '../core/inertText';
import { redactKeyPatterns } from '../core/gateway/redaction';

/**
 * The "Suno" log channel as the rest of the extension writes to it: every line is redacted
 * (before anything is cut or escaped, so no part of a key survives a cut) and made inert, so
 * that a gateway's text cannot forge log lines, recolour the log or hide characters in it.
 */
export class InertLogChannel implements vscode.LogOutputChannel {
  constructor(private readonly channel: vscode.LogOutputChannel) {}

  get name(): string {
    return this.channel.name;
  }

  get logLevel(): vscode.LogLevel {
    return this.channel.logLevel;
  }

  get onDidChangeLogLevel(): vscode.Event<vscode.LogLevel> {
    return this.channel.onDidChangeLogLevel;
  }

  trace(message: string, ...args: unknown[]): void {
    this.channel.trace(clean(message), ...args.map(cleanArgument));
  }

  debug(message: string, ...args: unknown[]): void {
    this.channel.debug(clean(message), ...args.map(cleanArgument));
  }

  info(message: string, ...args: unknown[]): void {
    this.channel.info(clean(message), ...args.map(cleanArgument));
  }

  warn(message: string, ...args: unknown[]): void {
    this.channel.warn(clean(message), ...args.map(cleanArgument));
  }

  error(error: string | Error, ...args: unknown[]): void {
    const message = typeof error === 'string' ? error : `${error.name}: ${error.message}`;
    this.channel.error(clean(message), ...args.map(cleanArgument));
  }

  append(value: string): void {
    this.channel.append(clean(value));
  }

  appendLine(value: string): void {
    this.channel.appendLine(clean(value));
  }

  replace(value: string): void {
    this.channel.replace(clean(value));
  }

  clear(): void {
    this.channel.clear();
  }

  show(preserveFocus?: boolean): void;
  show(column?: vscode.ViewColumn, preserveFocus?: boolean): void;
  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === 'boolean' || columnOrPreserveFocus === undefined) this.channel.show(columnOrPreserveFocus);
    else this.channel.show(columnOrPreserveFocus, preserveFocus);
  }

  hide(): void {
    this.channel.hide();
  }

  dispose(): void {
    this.channel.dispose();
  }
}

function clean(text: string): string {
  return inertLogText(redactKeyPatterns(text));
}

function cleanArgument(argument: unknown): unknown {
  if (typeof argument === 'string') return clean(argument);
  if (argument instanceof Error) return clean(`${argument.name}: ${argument.message}`);
  return argument;
}
