import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readStatusFragment, statusLink, statusLinkPath } from './status-link.ts';

test('the status link carries reference and token in the fragment and reads back', () => {
  const token = 'Zq3-_x9AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
  assert.equal(statusLinkPath('7K3M-9QXF', token), `/status#reference=7K3M-9QXF&token=${token}`);
  assert.equal(statusLink('https://portal.example/', '7K3M-9QXF', token), `https://portal.example/status#reference=7K3M-9QXF&token=${token}`);
  const url = new URL(statusLink('https://portal.example', '7K3M-9QXF', token));
  assert.equal(url.search, '');
  assert.deepEqual(readStatusFragment(url.hash), { reference: '7K3M-9QXF', token });
});

test('values are URL-encoded, and a fragment without both values is no status link', () => {
  assert.deepEqual(readStatusFragment(statusLinkPath('a&b c', 'x=y#z').split('/status')[1]!), { reference: 'a&b c', token: 'x=y#z' });
  for (const hash of ['', '#', '#reference=7K3M-9QXF', '#token=abc', '#entwurf=1.2', '#reference=&token=abc'])
    assert.equal(readStatusFragment(hash), undefined, hash);
});
