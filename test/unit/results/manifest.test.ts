import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseManifest } from '../../../src/results/manifest';
import { mixed } from './fixturePaths';

describe('results/manifest', () => {
    it('reads every count of a manifest', () => {
        const parsed = parseManifest(readFileSync(mixed.manifest, 'utf8'));
        assert.deepEqual(parsed, {
            ok: true,
            manifest: {
                totalRecordCount: 8,
                processedRecordCount: 6,
                successRecordCount: 3,
                errorRecordCount: 3,
                inputTokenCount: 45,
                outputTokenCount: 36,
            },
        });
    });

    it('leaves absent counts undefined and ignores unknown keys', () => {
        const parsed = parseManifest(
            '{"totalRecordCount": 100, "processedRecordCount": "40", "extra": true}\n',
        );
        assert.ok(parsed.ok);
        assert.equal(parsed.manifest.totalRecordCount, 100);
        assert.equal(parsed.manifest.processedRecordCount, 40);
        assert.equal(parsed.manifest.successRecordCount, undefined);
    });

    it('rejects a manifest that is not JSON or has no counts', () => {
        const broken = parseManifest('{"totalRecordCount": ');
        assert.equal(broken.ok, false);
        assert.match(broken.ok ? '' : broken.problem, /^manifest\.json\.out is not valid JSON/);
        assert.deepEqual(parseManifest('{"status":"done"}'), {
            ok: false,
            problem: 'manifest.json.out has none of the record or token counts',
        });
        assert.equal(parseManifest('{"totalRecordCount": -1}').ok, false);
    });
});
