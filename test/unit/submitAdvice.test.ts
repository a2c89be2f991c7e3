import * as assert from 'node:assert/strict';
import { OUTCOME_UNKNOWN_ADVICE, QUOTA_ADVICE, submitAdviceFor } from '../../src/core/gateway/submitAdvice';
import { GatewayError, type GatewayErrorKind } from '../../src/core/gatewayError';

describe('submitAdviceFor', () => {
  it('tells a low balance apart from a key problem', () => {
    const advice = submitAdviceFor(new GatewayError('quota', 'HTTP 402'));
    assert.equal(advice, QUOTA_ADVICE);
    assert.match(QUOTA_ADVICE, /balance is too low/);
    assert.match(QUOTA_ADVICE, /The API key is fine/);
  });

  it('says to look before submitting again after a lost answer', () => {
    assert.equal(submitAdviceFor(new GatewayError('outcome_unknown', 'no answer within 30 s')), OUTCOME_UNKNOWN_ADVICE);
    assert.match(OUTCOME_UNKNOWN_ADVICE, /may or may not have accepted the submit/);
    assert.match(OUTCOME_UNKNOWN_ADVICE, /console or task list before submitting again/);
  });

  it('adds nothing a message says already, nor to other kinds', () => {
    assert.equal(submitAdviceFor(new GatewayError('quota', `Refused. ${QUOTA_ADVICE}`)), null);
    assert.equal(submitAdviceFor(new GatewayError('outcome_unknown', `Lost. ${OUTCOME_UNKNOWN_ADVICE}`)), null);
    const others: GatewayErrorKind[] = ['invalid_input', 'auth', 'not_found', 'rate_limited', 'server', 'bad_response', 'network', 'timeout'];
    for (const kind of others) assert.equal(submitAdviceFor(new GatewayError(kind, 'x')), null, kind);
  });
});
