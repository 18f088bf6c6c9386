import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { eraseExpiredSubmissions } from '../../server/submissions/erase.ts';
import { testApp } from '../support/app.ts';
import { testEngines } from '../support/engines.ts';
import { formsDir, minimalDefinition } from '../support/forms-dir.ts';

for (const engine of testEngines()) {
  describe(`retention on ${engine.name}`, () => {
    let db: Database;
    before(async () => {
      db = await engine.open();
    });
    after(() => db.close());

    test("a submission is erased once its form's retention period has passed", async () => {
      const { http } = await testApp(db, { formsDir: await formsDir({ 'testformular.json': minimalDefinition() }) });
      const old = (await http.post('/api/forms/testformular/submissions').send({ familienname: 'Alt' }).expect(201)).body;
      const recent = (await http.post('/api/forms/testformular/submissions').send({ familienname: 'Neu' }).expect(201)).body;

      const { rows } = await db.query<{ days: number }>(
        `SELECT extract(day FROM erase_after - submitted_at)::int AS days FROM submissions WHERE id = $1`,
        [old.id],
      );
      assert.equal(rows[0]?.days, 30, 'erase_after follows retentionDays of the definition');

      await db.query(`UPDATE submissions SET erase_after = now() - interval '1 second' WHERE id = $1`, [old.id]);
      assert.equal(await eraseExpiredSubmissions(db), 1);
      await http.get(`/api/submissions/${old.id}`).query({ token: old.statusToken }).expect(404);
      await http.get(`/api/submissions/${recent.id}`).query({ token: recent.statusToken }).expect(200);
      assert.equal(await eraseExpiredSubmissions(db), 0);
    });
  });
}
