import * as assert from 'node:assert/strict';
import type { Diagnostic } from '../../../src/checker/types';
import { editorErrorsNotice, type EditorCheck } from '../../../src/submit/editorErrors';

function diagnostic(line: number, severity: Diagnostic['severity'], message: string): Diagnostic {
    return { code: 'json-syntax', severity, message, line, column: 1 };
}

function check(name: string, diagnostics: readonly Diagnostic[], errors?: number): EditorCheck {
    const counted = diagnostics.filter((d) => d.severity === 'error').length;
    return {
        name,
        result: {
            errors: errors ?? counted,
            warnings: diagnostics.filter((d) => d.severity === 'warning').length,
            diagnostics,
        },
    };
}

describe('editorErrorsNotice', () => {
    it('says nothing when the editor shows no error (warnings do not stop the wizard)', () => {
        assert.equal(editorErrorsNotice([]), undefined);
        assert.equal(
            editorErrorsNotice([check('a.jsonl', [diagnostic(2, 'warning', 'Duplicate id.')])]),
            undefined,
        );
    });

    it('names the file, the count of every error and the first one by line', () => {
        const notice = editorErrorsNotice([
            check(
                'tickets.jsonl',
                [
                    diagnostic(1, 'warning', 'Record has no recordId.'),
                    diagnostic(3, 'error', 'Line 3 is not valid JSON: unexpected end.'),
                    diagnostic(9, 'error', 'modelInput must be an object.'),
                ],
                // More errors than the diagnostics kept: the count is the checker's total.
                1204,
            ),
        ]);
        assert.equal(
            notice?.text,
            'tickets.jsonl has 1,204 errors (first: line 3: Line 3 is not valid JSON: ' +
                'unexpected end). Fix them before submitting.',
        );
        assert.deepEqual(
            [notice.errors, notice.warnings, notice.first?.file, notice.first?.diagnostic.line],
            [1204, 1, 0, 3],
        );
    });

    it('counts over several files and says in which one the first error is', () => {
        const notice = editorErrorsNotice([
            check('clean.jsonl', []),
            check('b.jsonl', [diagnostic(7, 'error', 'Missing anthropic_version.')]),
            check('c.jsonl', [diagnostic(2, 'error', 'x'), diagnostic(4, 'error', 'y')]),
        ]);
        assert.equal(
            notice?.text,
            '2 of the files have 3 errors (first: b.jsonl line 7: Missing anthropic_version). ' +
                'Fix them before submitting.',
        );
        assert.equal(notice.first?.file, 1);
    });

    it('says "1 error" and shortens a long message', () => {
        const long = `The record is wrong because ${'very '.repeat(60)}long.`;
        const notice = editorErrorsNotice([check('one.jsonl', [diagnostic(5, 'error', long)])]);
        assert.match(notice?.text ?? '', /^one\.jsonl has 1 error \(first: line 5: The record/);
        assert.match(notice?.text ?? '', / very very…\)\. Fix them before submitting\.$/);
        assert.ok((notice?.text.length ?? 0) < 240, notice?.text);
    });

    it('gives the count alone when no error was kept to quote', () => {
        const notice = editorErrorsNotice([check('many.jsonl', [], 5)]);
        assert.equal(notice?.text, 'many.jsonl has 5 errors. Fix them before submitting.');
        assert.equal(notice.first, undefined);
    });
});
