import type { ImportProblem } from '@jixiao/contracts';

/** A problem of an uploaded file's row as the server reports it: a text in a number cell, unless `over` says otherwise. */
export const importProblem = (over: Partial<ImportProblem> = {}): ImportProblem => ({
  line: 5,
  field: 'value',
  code: 'not_a_number',
  params: { value: 'abc' },
  message: 'line 5, value: "abc" is not a number',
  ...over,
});
