/** `bedrock-batch` command-line entry point (bundled to dist/cli.js). */
import { checkFiles } from '../checker/check';
import { showInvisible } from '../shared/visibleText';
import { parseArgs, UsageError, USAGE, type CheckCommand } from './args';
import { formatJson, formatText, modelWarning } from './format';

const EXIT_OK = 0;
const EXIT_ERRORS = 1;
const EXIT_USAGE = 2;

/**
 * The engine refuses a missing path or anything but a regular file (InputFileError) before it
 * opens one; that ends here with exit status 2.
 */
async function runCheck(command: CheckCommand): Promise<number> {
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
    const warning = modelWarning(result.target);
    if (warning !== undefined) {
        process.stderr.write(warning);
    }
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
        if (command.command === 'missing') {
            process.stderr.write(USAGE);
            return EXIT_USAGE;
        }
        return await runCheck(command);
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        process.stderr.write(`bedrock-batch: ${showInvisible(message)}\n`);
        if (error instanceof UsageError) {
            process.stderr.write('Run "bedrock-batch --help" for usage.\n');
        }
        return EXIT_USAGE;
    }
}

void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
});
