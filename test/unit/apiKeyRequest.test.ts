import * as assert from 'node:assert/strict';
import { ApiKeyRequest, keyCommandInvocation } from '../../src/auth/apiKeyRequest';

describe('keyCommandInvocation', () => {
  it('takes no arguments (palette, menus, the welcome view) as the configured gateway, from the UI', () => {
    assert.deepEqual(keyCommandInvocation([]), { baseUrl: undefined, fromOutside: false });
    assert.deepEqual(keyCommandInvocation([undefined]), { baseUrl: undefined, fromOutside: false });
  });

  it('trusts the gateway named by an ApiKeyRequest, which only the extension makes', () => {
    assert.deepEqual(keyCommandInvocation([new ApiKeyRequest('https://api.gpt.ge')]), { baseUrl: 'https://api.gpt.ge', fromOutside: false });
  });

  it('takes any other argument as coming from outside', () => {
    assert.deepEqual(keyCommandInvocation(['https://evil.example', 'sk-key']), { baseUrl: 'https://evil.example', fromOutside: true });
    assert.deepEqual(keyCommandInvocation([{ baseUrl: 'https://api.gpt.ge' }]), { baseUrl: undefined, fromOutside: true });
    assert.deepEqual(keyCommandInvocation([undefined, 'sk-key']), { baseUrl: undefined, fromOutside: true });
    assert.deepEqual(keyCommandInvocation(['  ']), { baseUrl: undefined, fromOutside: true });
  });
});
