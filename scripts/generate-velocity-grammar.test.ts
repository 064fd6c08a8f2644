import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { generateVelocityGrammar, grammarFile } from './generate-velocity-grammar';

// The committed parser must be exactly what the pinned velocityjs plus the script's edits produce: a hand edit of
// velocity-grammar.js, an unpinned upgrade or an edit that no longer applies fails here.
test('src/preview/velocity-grammar.js equals the grammar regenerated from the pinned velocityjs', () => {
  const committed = readFileSync(grammarFile, 'utf8');
  const regenerated = generateVelocityGrammar();
  expect(committed === regenerated, 'run `npm run generate:grammar` and commit the result').toBe(true);
});
