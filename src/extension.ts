import * as vscode from 'vscode';

// Placeholder entry point: the real wiring replaces this.
export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('suno.fetchTask', async () => {
      await vscode.window.showInputBox({ prompt: 'Task id' });
    }),
  );
}

export function deactivate(): void {}
