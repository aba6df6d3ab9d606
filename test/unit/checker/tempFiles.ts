/** Generated test inputs in a temporary folder that `cleanup` removes. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class TempFiles {
    private dir: string | undefined;

    write(name: string, content: string | Buffer): string {
        this.dir ??= mkdtempSync(join(tmpdir(), 'bedrock-batch-checker-test-'));
        const path = join(this.dir, name);
        writeFileSync(path, content);
        return path;
    }

    cleanup(): void {
        if (this.dir !== undefined) {
            rmSync(this.dir, { recursive: true, force: true });
            this.dir = undefined;
        }
    }
}

/** A valid Claude record line. */
export function claudeLine(id: string | undefined, text = 'Hi', maxTokens = 10): string {
    return JSON.stringify({
        ...(id === undefined ? {} : { recordId: id }),
        modelInput: {
            anthropic_version: 'bedrock-2023-05-31',
            max_tokens: maxTokens,
            messages: [{ role: 'user', content: text }],
        },
    });
}

export function claudeLines(count: number, prefix = 'r'): string[] {
    return Array.from({ length: count }, (_, i) => claudeLine(`${prefix}${i + 1}`));
}
