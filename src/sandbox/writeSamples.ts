/** Writes the sample files and their README into a folder, leaving existing files alone. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sampleFiles } from './samples';
import { readmeFileName, sampleWorkspaceReadme } from './workspaceReadme';

export interface WrittenSamples {
    /** Paths written, README first. */
    readonly written: readonly string[];
    /** Paths that already existed and were kept as they were. */
    readonly kept: readonly string[];
}

export async function writeSampleWorkspace(folder: string): Promise<WrittenSamples> {
    await mkdir(folder, { recursive: true });
    const files = sampleFiles();
    const contents: Array<[string, string]> = [
        [readmeFileName, sampleWorkspaceReadme(files)],
        ...files.map((file): [string, string] => [file.name, file.text]),
    ];
    const written: string[] = [];
    const kept: string[] = [];
    for (const [name, text] of contents) {
        const path = join(folder, name);
        try {
            await writeFile(path, text, { flag: 'wx' });
            written.push(path);
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
                throw error;
            }
            kept.push(path);
        }
    }
    return { written, kept };
}
