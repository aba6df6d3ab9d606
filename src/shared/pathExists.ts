import { access } from 'node:fs/promises';

/** Whether a file or folder is there (and reachable) on the local disk. */
export async function pathExists(path: string): Promise<boolean> {
    try {
        await access(path);
        return true;
    } catch {
        return false;
    }
}
