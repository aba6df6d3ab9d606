/** Command-line parsing for `bedrock-batch`; errors as UsageError. */
import type { InvocationType } from '../checker/types';
import { MODEL_ID } from '../localAws/bedrock/patterns';

export class UsageError extends Error {}

export interface CheckCommand {
    readonly command: 'check';
    readonly files: readonly string[];
    readonly modelId: string | undefined;
    readonly invocationType: InvocationType;
    readonly json: boolean;
    readonly minRecords: number | undefined;
    readonly maxDiagnostics: number | undefined;
}

/** `help`: asked for (exit 0); `missing`: no command at all, a usage error (exit 2). */
export type Command =
    | CheckCommand
    | { readonly command: 'help' }
    | { readonly command: 'missing' };

/** The modelId pattern of the Bedrock API model, matched whole. */
const MODEL_ID_PATTERN = new RegExp(`^(?:${MODEL_ID})$`);
const MAX_MODEL_ID_LENGTH = 2048;

const INVOCATION_TYPES: readonly InvocationType[] = ['InvokeModel', 'Converse'];

export const USAGE = `Usage: bedrock-batch check FILE... [options]

Checks Amazon Bedrock batch inference input files (JSONL) before upload. Several files are
checked as one job: record and size quotas and repeated recordIds count across them.

Options:
  --model ID               model id, cross-region profile id (us., eu., apac., global.) or
                           ARN; selects the request-body rules and the price. Without it only
                           the record structure is checked; for a model the checker does not
                           know, only the rules every model shares (a warning says so).
  --invocation-type TYPE   InvokeModel (default) or Converse, in any letter case
  --json                   print one JSON object instead of text
  --min-records N          minimum records per job (default 100; some accounts have 1000)
  --max-diagnostics N      diagnostics listed per file (default 1000; the rest are counted)
  -h, --help               show this help

Exit status: 0 no errors, 1 errors found, 2 usage error or unreadable input.
`;

function positiveInteger(flag: string, value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) {
        throw new UsageError(`${flag} needs a whole number, not "${value}"`);
    }
    return n;
}

function modelIdArg(value: string): string {
    if (value.length > MAX_MODEL_ID_LENGTH || !MODEL_ID_PATTERN.test(value)) {
        throw new UsageError(
            `--model "${value}" is not a model id, inference profile id or model ARN ` +
                '(e.g. anthropic.claude-3-haiku-20240307-v1:0)',
        );
    }
    return value;
}

/** InvokeModel or Converse, in any letter case. */
function invocationTypeArg(value: string): InvocationType {
    const type = INVOCATION_TYPES.find((t) => t.toLowerCase() === value.toLowerCase());
    if (type === undefined) {
        throw new UsageError(`--invocation-type is InvokeModel or Converse, not "${value}"`);
    }
    return type;
}

export function parseArgs(argv: readonly string[]): Command {
    if (argv.some((a) => a === '-h' || a === '--help' || a === 'help')) {
        return { command: 'help' };
    }
    if (argv.length === 0) {
        return { command: 'missing' };
    }
    const [command, ...rest] = argv;
    if (command !== 'check') {
        throw new UsageError(`unknown command "${command ?? ''}"; the command is "check"`);
    }
    const files: string[] = [];
    let modelId: string | undefined;
    let invocationType: InvocationType = 'InvokeModel';
    let json = false;
    let minRecords: number | undefined;
    let maxDiagnostics: number | undefined;
    let onlyFiles = false;
    for (let i = 0; i < rest.length; i++) {
        const arg = rest[i] ?? '';
        if (onlyFiles || !arg.startsWith('-') || arg === '-') {
            files.push(arg);
            continue;
        }
        if (arg === '--') {
            onlyFiles = true;
            continue;
        }
        const eq = arg.indexOf('=');
        const flag = eq > 0 ? arg.slice(0, eq) : arg;
        const takeValue = (): string => {
            if (eq > 0) {
                return arg.slice(eq + 1);
            }
            const value = rest[++i];
            if (value === undefined) {
                throw new UsageError(`${flag} needs a value`);
            }
            return value;
        };
        switch (flag) {
            case '--json':
                json = true;
                break;
            case '--model':
                modelId = modelIdArg(takeValue());
                break;
            case '--invocation-type':
                invocationType = invocationTypeArg(takeValue());
                break;
            case '--min-records':
                minRecords = positiveInteger(flag, takeValue());
                break;
            case '--max-diagnostics':
                maxDiagnostics = positiveInteger(flag, takeValue());
                break;
            default:
                throw new UsageError(`unknown option ${flag}`);
        }
    }
    if (files.length === 0) {
        throw new UsageError('check needs at least one FILE');
    }
    return { command: 'check', files, modelId, invocationType, json, minRecords, maxDiagnostics };
}
