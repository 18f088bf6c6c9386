import { createHash } from 'node:crypto';
/**
 * The library schemas shipped as data (standards/xoev, standards/xbau-2.6) are complete, use
 * relative imports only, and are unchanged copies of the published files.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { librarySchema, librarySchemaFiles } from '../../server/xoev/library-schemas.ts';


function datatypePatterns(xsd: string): Record<string, string> {
  return Object.fromEntries([...xsd.matchAll(/<xs:simpleType name="(datatype[A-E])">[\s\S]*?<xs:pattern value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

describe('library schemas', () => {
  test('every import and include is relative and shipped in the same set', () => {
    const paths = new Set(librarySchemaFiles().map(([p]) => p));
    assert.equal(paths.size, 17);
    for (const [urlPath, bytes] of librarySchemaFiles())
      for (const m of bytes.toString('utf8').matchAll(/<(?:\w+:)?(?:import|include)\b[^>]*\bschemaLocation="([^"]+)"/g)) {
        assert.doesNotMatch(m[1]!, /^[a-z]+:|^\//, `${urlPath} imports ${m[1]}`);
        const target = new URL(m[1]!, `http://server${urlPath}`).pathname;
        assert.ok(paths.has(target), `${urlPath} imports ${m[1]}, which is not shipped`);
      }
  });

  test('the documented DIN 91379 schema defines the same datatypes as the copy the Basisnachricht ships with', () => {
    const documented = datatypePatterns(librarySchema('xoev', 'din-norm-91379-datatypes.xsd')!.toString('utf8'));
    const stripped = datatypePatterns(librarySchema('xbau-2.6', 'din-norm-91379-datatypes.xsd')!.toString('utf8'));
    assert.deepEqual(Object.keys(documented), ['datatypeA', 'datatypeB', 'datatypeC', 'datatypeD', 'datatypeE']);
    assert.deepEqual(documented, stripped);
  });

  test('the files are unchanged: their SHA-256 is the one recorded when they were copied', () => {
    // standards/SHA256SUMS was written from the published files named in the PROVENANCE.md files.
    const recorded = new Map(
      readFileSync(new URL('../../standards/SHA256SUMS', import.meta.url), 'utf8')
        .trim()
        .split('\n')
        .map((line) => {
          const [hash, file] = line.split(/\s+/);
          return [file!.replace('xbau-2.6/xsd/', 'xbau-2.6/'), hash!] as const;
        }),
    );
    const files = librarySchemaFiles();
    assert.equal(files.length, recorded.size);
    for (const [urlPath, bytes] of files) {
      const key = urlPath.replace('/api/xoev/schemas/', '');
      assert.equal(createHash('sha256').update(bytes).digest('hex'), recorded.get(key), key);
    }
  });
});
