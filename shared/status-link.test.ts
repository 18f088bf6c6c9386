import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statusLink } from './status-link.ts';

test('reference and token travel in the fragment, URL-encoded', () => {
  assert.equal(
    statusLink('https://antrag.musterstadt.example', '7K3M-9QXF', 'ab_c-D'),
    'https://antrag.musterstadt.example/status#reference=7K3M-9QXF&token=ab_c-D',
  );
  assert.equal(statusLink('http://localhost:3000/', 'A&B', 'x=y#z'), 'http://localhost:3000/status#reference=A%26B&token=x%3Dy%23z');
  assert.equal(new URL(statusLink('https://a.example', 'R', 'T')).search, '', 'nothing in the query string');
});
