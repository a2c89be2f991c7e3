import * as assert from 'node:assert/strict';
import { normaliseBaseUrl } from '../../src/core/gateway/baseUrl';
import { checkTaskId } from '../../src/core/gateway/gatewayClient';
import { GatewayError } from '../../src/core/gatewayError';

function invalidInput(input: string): GatewayError {
  try {
    normaliseBaseUrl(input);
  } catch (error) {
    assert.ok(error instanceof GatewayError, `expected a GatewayError for ${JSON.stringify(input)}`);
    assert.equal(error.kind, 'invalid_input');
    // Adapters offer "Open Settings" from this field, never from the message's words.
    assert.equal(error.faultySetting, 'baseUrl');
    return error;
  }
  assert.fail(`expected ${JSON.stringify(input)} to be refused`);
}

describe('normaliseBaseUrl', () => {
  it('keeps a clean origin as it is', () => {
    assert.equal(normaliseBaseUrl('https://api.gpt.ge'), 'https://api.gpt.ge');
    assert.equal(normaliseBaseUrl('http://127.0.0.1:3000'), 'http://127.0.0.1:3000');
  });

  it('trims whitespace and trailing slashes', () => {
    assert.equal(normaliseBaseUrl('  https://api.gpt.ge/  '), 'https://api.gpt.ge');
    assert.equal(normaliseBaseUrl('https://api.gpt.ge///'), 'https://api.gpt.ge');
    assert.equal(normaliseBaseUrl('\thttps://api.cometapi.com\n'), 'https://api.cometapi.com');
  });

  it('removes a pasted /v1 suffix', () => {
    assert.equal(normaliseBaseUrl('https://api.gpt.ge/v1'), 'https://api.gpt.ge');
    assert.equal(normaliseBaseUrl('https://api.gpt.ge/v1/'), 'https://api.gpt.ge');
    assert.equal(normaliseBaseUrl('https://api.gpt.ge/V1'), 'https://api.gpt.ge');
  });

  it('removes /suno and everything after it', () => {
    assert.equal(normaliseBaseUrl('https://api.gpt.ge/suno'), 'https://api.gpt.ge');
    assert.equal(normaliseBaseUrl('https://api.gpt.ge/suno/'), 'https://api.gpt.ge');
    assert.equal(normaliseBaseUrl('https://api.gpt.ge/suno/fetch'), 'https://api.gpt.ge');
    assert.equal(normaliseBaseUrl('https://api.gpt.ge/suno/fetch/2a145658-3342-4228-b779-b8323a2b77df'), 'https://api.gpt.ge');
    assert.equal(normaliseBaseUrl('https://api.gpt.ge/suno/submit/fetch'), 'https://api.gpt.ge');
    assert.equal(normaliseBaseUrl('https://api.gpt.ge/v1/suno/fetch'), 'https://api.gpt.ge');
  });

  it('keeps a path prefix that some resellers mount the API under', () => {
    assert.equal(normaliseBaseUrl('https://example.com/api'), 'https://example.com/api');
    assert.equal(normaliseBaseUrl('https://example.com/api/'), 'https://example.com/api');
    assert.equal(normaliseBaseUrl('https://example.com/api/v1'), 'https://example.com/api');
    assert.equal(normaliseBaseUrl('https://example.com/proxy/suno/fetch'), 'https://example.com/proxy');
  });

  it('adds https:// to a bare host, and to a bare host with a port', () => {
    assert.equal(normaliseBaseUrl('api.gpt.ge'), 'https://api.gpt.ge');
    assert.equal(normaliseBaseUrl('api.gpt.ge/v1/'), 'https://api.gpt.ge');
    assert.equal(normaliseBaseUrl('localhost:3000'), 'https://localhost:3000');
  });

  it('lowercases the host and drops a default port', () => {
    assert.equal(normaliseBaseUrl('HTTPS://API.GPT.GE:443/'), 'https://api.gpt.ge');
    assert.equal(normaliseBaseUrl('http://Example.com:80'), 'http://example.com');
  });

  it('is idempotent', () => {
    for (const input of ['https://api.gpt.ge/v1/', 'api.gpt.ge', 'https://example.com/api/suno', 'http://127.0.0.1:8080/']) {
      const once = normaliseBaseUrl(input);
      assert.equal(normaliseBaseUrl(once), once);
    }
  });

  it('refuses empty input with a message that says what to enter', () => {
    assert.match(invalidInput('').message, /empty/);
    assert.match(invalidInput('   ').message, /https:\/\/api\.gpt\.ge/);
  });

  it('refuses schemes other than http and https', () => {
    assert.match(invalidInput('ftp://api.gpt.ge').message, /http:\/\/ or https:\/\//);
    assert.match(invalidInput('javascript:alert(1)').message, /http:\/\/ or https:\/\//);
    assert.match(invalidInput('http:/api.gpt.ge').message, /http:\/\/ or https:\/\//);
    invalidInput('file:///etc/passwd');
  });

  it('refuses garbage', () => {
    invalidInput('not a url');
    invalidInput('https://');
    invalidInput('https://api.gpt.ge:99999');
    invalidInput('https://exa mple.com');
  });

  it('refuses credentials, queries and fragments without echoing them', () => {
    const withUser = invalidInput('https://sk-secret123@api.gpt.ge');
    assert.ok(!withUser.message.includes('sk-secret123'));
    const withQuery = invalidInput('https://api.gpt.ge/?key=sk-secret123');
    assert.ok(!withQuery.message.includes('sk-secret123'));
    assert.match(withQuery.message, /query/);
    assert.match(invalidInput('https://api.gpt.ge/#top').message, /fragment/);
  });
});

describe('which setting an input error blames', () => {
  it('blames no setting for a bad task id, even one that reads like a base URL', () => {
    assert.throws(
      () => checkTaskId('https://base URL'),
      (error: unknown) => error instanceof GatewayError && error.kind === 'invalid_input' && error.faultySetting === null,
    );
  });

  it('blames no setting by default', () => {
    assert.equal(new GatewayError('invalid_input', 'The gateway base URL is wrong.').faultySetting, null);
  });
});
