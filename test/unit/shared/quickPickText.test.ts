import * as assert from 'node:assert/strict';
import { escapeCodicons } from '../../../src/shared/quickPickText';

/** VS Code 1.100's label renderer, reduced to text: icons become `<name>`, escapes plain text. */
function rendered(label: string): string {
    return label.replace(/(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g, (_all, escaped, name) =>
        escaped === undefined ? `<${String(name)}>` : `$(${String(name)})`,
    );
}

describe('shared/quickPickText', () => {
    it('shows icon syntax from a key as typed, drawing no icon', () => {
        const key = '$(pass-filled) verified $(lock) report.out';
        assert.equal(escapeCodicons(key), '\\$(pass-filled) verified \\$(lock) report.out');
        assert.equal(rendered(escapeCodicons(key)), key);
        assert.equal(rendered(key), '<pass-filled> verified <lock> report.out');
    });

    it('keeps modifiers, upper case and a backslash already in front as typed', () => {
        for (const text of ['$(sync~spin) x', '$(Lock)', 'a\\$(lock)b', 'C:\\$(lock)\\x']) {
            assert.equal(rendered(escapeCodicons(text)), text, text);
        }
    });

    it('leaves text without icon syntax alone', () => {
        for (const text of ['price $(5.00)', '$()', '$ (lock)', 'anthropic.claude-3:0', '']) {
            assert.equal(escapeCodicons(text), text);
        }
    });
});
