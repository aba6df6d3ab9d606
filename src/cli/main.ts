/** `bedrock-batch` command-line entry point (bundled to dist/cli.js). */
import { stat } from 'node:fs/promises';
import { checkFiles } from '../checker/check';
import { parseArgs, UsageError, USAGE, type CheckCommand } from './args';
import { formatJson, formatText } from './format';

const EXIT_OK = 0;
const EXIT_ERRORS = 1;
const EXIT_USAGE = 2;

async function assertReadable(path: string): Promise<void> {
    let isFile: boolean;
    try {
        isFile = (await stat(path)).isFile();
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new UsageError(
            `cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : String(error)}`,
        );
    }
    if (!isFile) {
        throw new UsageError(`cannot read ${path}: not a file`);
    }
}

async function runCheck(command: CheckCommand): Promise<number> {
    for (const file of command.files) {
        await assertReadable(file);
    }
    const result = await checkFiles(command.files, {
        modelId: command.modelId,
        invocationType: command.invocationType,
        ...(command.minRecords === undefined
            ? {}
            : { quotas: { minRecordsPerJob: command.minRecords } }),
        ...(command.maxDiagnostics === undefined
            ? {}
            : { maxDiagnosticsPerFile: command.maxDiagnostics }),
    });
    process.stdout.write(command.json ? formatJson(result) : formatText(result));
    return result.errors > 0 ? EXIT_ERRORS : EXIT_OK;
}

async function main(argv: readonly string[]): Promise<number> {
    try {
        const command = parseArgs(argv);
        if (command.command === 'help') {
            process.stdout.write(USAGE);
            return EXIT_OK;
        }
        return await runCheck(command);
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        process.stderr.write(`bedrock-batch: ${message}\n`);
        if (error instanceof UsageError) {
            process.stderr.write('Run "bedrock-batch --help" for usage.\n');
        }
        return EXIT_USAGE;
    }
}

void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
});
