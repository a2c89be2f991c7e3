import * as assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { firstIssueText, safeParseInEnglish } from '../../src/core/schemaIssues';

/** What zod's own English locale says, which our messages repeat without bundling it. */
function zodEnglish(schema: z.ZodMiniType, value: unknown): string[] {
  const result = schema.safeParse(value, { error: en().localeError });
  assert.equal(result.success, false, 'the case must fail');
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

function ours(schema: z.ZodMiniType, value: unknown): string[] {
  const result = safeParseInEnglish(schema, value);
  assert.equal(result.success, false, 'the case must fail');
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

const CASES: { name: string; schema: z.ZodMiniType; value: unknown }[] = [
  { name: 'a number for a string', schema: z.string(), value: 5 },
  { name: 'null for an object', schema: z.object({ a: z.string() }), value: null },
  { name: 'an array for an object', schema: z.object({ a: z.string() }), value: [] },
  { name: 'a Date for a string', schema: z.string(), value: new Date(0) },
  { name: 'NaN for a number', schema: z.number(), value: Number.NaN },
  { name: 'Infinity for a number', schema: z.number(), value: Number.POSITIVE_INFINITY },
  { name: 'a string for a number', schema: z.number(), value: '5' },
  { name: 'a missing field', schema: z.object({ a: z.boolean() }), value: {} },
  { name: 'an unknown option', schema: z.enum(['pending', 'running']), value: 'exploded' },
  { name: 'another literal', schema: z.literal('update'), value: 'reload' },
  { name: 'a number over its maximum', schema: z.number().check(z.lte(100)), value: 101 },
  { name: 'a number under its minimum', schema: z.number().check(z.gte(0)), value: -1 },
  { name: 'a number at an exclusive bound', schema: z.number().check(z.gt(0), z.lt(0)), value: 0 },
  { name: 'an empty string', schema: z.string().check(z.minLength(1)), value: '' },
  { name: 'a long string', schema: z.string().check(z.maxLength(3)), value: 'abcd' },
  { name: 'a string of the wrong length', schema: z.string().check(z.length(2)), value: 'abc' },
  { name: 'too many items', schema: z.array(z.string()).check(z.maxLength(1)), value: ['a', 'b'] },
  { name: 'no items', schema: z.array(z.string()).check(z.minLength(1)), value: [] },
  { name: 'a fraction for an integer', schema: z.int(), value: 1.5 },
  { name: 'an integer out of range', schema: z.int().check(z.gte(100), z.lte(599)), value: 600 },
  { name: 'a pattern', schema: z.string().check(z.regex(/^[a-z]+$/)), value: 'A' },
  { name: 'one unknown key', schema: z.strictObject({ a: z.string() }), value: { a: 'x', b: 1 } },
  { name: 'two unknown keys', schema: z.strictObject({}), value: { b: 1, c: 2 } },
  { name: 'no option of a union', schema: z.union([z.boolean(), z.literal('x')]), value: 'y' },
  { name: 'a refinement with its own message', schema: z.string().check(z.refine(() => false, 'not a clip id')), value: 'x' },
  { name: 'a refinement without one', schema: z.string().check(z.refine(() => false)), value: 'x' },
];

describe('schemaIssues', () => {
  describe('says what zod’s English locale says', () => {
    for (const { name, schema, value } of CASES) {
      it(name, () => {
        assert.deepEqual(ours(schema, value), zodEnglish(schema, value));
      });
    }
  });

  it('says `Invalid input` for the checks our schemas do not use, as zod/mini itself does', () => {
    assert.deepEqual(ours(z.number().check(z.multipleOf(5)), 7), ['Invalid input']);
    assert.deepEqual(ours(z.string().check(z.startsWith('ab')), 'x'), ['Invalid input']);
  });

  it('names the field of the first issue', () => {
    const result = safeParseInEnglish(z.object({ clips: z.array(z.object({ id: z.string() })) }), { clips: [{ id: 1 }] });
    assert.ok(!result.success);
    assert.equal(firstIssueText(result.error), 'clips.0.id: Invalid input: expected string, received number');
  });
});
