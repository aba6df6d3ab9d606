/**
 * The one per-line code path: the disk reader and checkText both feed lines here, so the editor
 * and the CLI report the same things. Good lines cost one JSON.parse, a quote-to-quote scan for
 * repeated keys and a walk of the body; positions are only computed for the diagnostics kept.
 */
import { formatBytes } from '../shared/formatBytes';
import { quoteVisible, showInvisible } from '../shared/visibleText';
import type { BodyChecker, BodyContext, BodyFix, JsonObject } from './bodyContext';
import { DiagnosticSink } from './diagnosticSink';
import { findDuplicateKeys, mayHaveDuplicateKeys, type DuplicateKey } from './duplicateKeys';
import { describeUtf16, type Utf16 } from './encoding';
import { isObject } from './families/common';
import { emptyFileStats } from './fileStats';
import {
    findSyntaxError,
    locatePath,
    objectMembers,
    positionFromParseError,
    type JsonSyntaxError,
} from './jsonScan';
import type { ResolvedOptions } from './options';
import type { RecordIdTracker } from './recordIdTracker';
import { checkRecordId, checkWrapper, type RecordReporter } from './recordRules';
import { ruleSeverity, type RuleCode } from './rules';
import { estimateTokens } from './tokenEstimate';
import type { Diagnostic, FileCheckResult, FileStats, Fix, JsonPath } from './types';

/** What the files of one job share while they are checked. */
export interface JobState {
    readonly options: ResolvedOptions;
    readonly checkBody: BodyChecker;
    readonly ids: RecordIdTracker;
    records: number;
    /** Bytes of the job's files before the current one. */
    bytesBefore: number;
    tooManyRecordsReported: boolean;
    tooLargeReported: boolean;
    idLimitReported: boolean;
    fileName(index: number): string;
}

/**
 * Rules about a value point at the value ("1024", "human"); every other rule points at the key
 * (an unknown field, or the object a field is missing from).
 */
const VALUE_CODES: ReadonlySet<RuleCode> = new Set<RuleCode>([
    'record-id-not-string',
    'record-id-empty',
    'record-id-duplicate',
    'record-id-characters',
    'record-id-length',
    'parameter-invalid',
    'titan-embed-dimensions',
    'claude-anthropic-version-value',
    'nova-schema-version',
    'message-role-invalid',
    'message-first-not-user',
    'message-roles-not-alternating',
    'content-block-unknown-type',
]);

/** Only JSON's own whitespace: a line of other spaces (U+00A0 ...) is a syntax error. */
function isBlank(text: string): boolean {
    return /^[ \t\r]*$/.test(text);
}

/** A path inside a record as written in messages: the record, modelInput.messages[0] ... */
export function describePath(path: JsonPath): string {
    if (path.length === 0) {
        return 'the record';
    }
    return path
        .map((segment, i) => {
            if (typeof segment === 'number') {
                return `[${segment}]`;
            }
            if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) {
                return i === 0 ? segment : `.${segment}`;
            }
            return `[${quoteVisible(segment, 30)}]`;
        })
        .join('');
}

/** The whitespace just before `offset` holds a CR: records split by CR alone. */
function crBefore(text: string, offset: number): boolean {
    for (let i = offset - 1; i >= 0; i--) {
        const code = text.charCodeAt(i);
        if (code === 0x0d) {
            return true;
        }
        if (code !== 0x20 && code !== 0x09) {
            return false;
        }
    }
    return false;
}

export class FileChecker implements BodyContext, RecordReporter {
    lineNumber = 0;
    readonly stats: FileStats = emptyFileStats();
    private readonly sink: DiagnosticSink;
    private lineText = '';
    private firstLineWithoutId = 0;
    private fileRecordsReported = false;
    private fileSizeReported = false;
    private bareCrReported = false;
    private textChars = 0;
    private media = 0;
    private outputLimit = -1;

    constructor(
        private readonly job: JobState,
        readonly index: number,
        readonly path: string,
    ) {
        this.sink = new DiagnosticSink(job.options.maxDiagnosticsPerFile);
    }

    byteOrderMark(): void {
        this.sink.add({
            code: 'encoding-bom',
            severity: ruleSeverity('encoding-bom'),
            message:
                'The file starts with a UTF-8 byte order mark (EF BB BF), which JSON readers may ' +
                'reject in the first record: save the file as UTF-8 without BOM',
            line: 1,
            column: 1,
        });
    }

    utf16(found: Utf16, decoded: boolean): void {
        const after = decoded
            ? ' The results below are for its text decoded from UTF-16.'
            : ' Reopen it with the UTF-16 encoding, then save it with UTF-8.';
        this.sink.add({
            code: 'encoding-utf16',
            severity: ruleSeverity('encoding-utf16'),
            message:
                `The file is ${describeUtf16(found)}; Bedrock needs UTF-8, so it cannot read ` +
                `any record: re-save the file as UTF-8.${after}`,
            line: 1,
            column: 1,
        });
    }

    /**
     * One line without its line break. `byteEnd` is the file offset just past the line break,
     * for the size quotas.
     */
    line(text: string, lineNumber: number, byteEnd: number, invalidUtf8: boolean): void {
        this.lineNumber = lineNumber;
        this.lineText = text;
        this.checkSize(byteEnd);
        if (text.charCodeAt(0) !== 0x7b && isBlank(text)) {
            this.stats.blankLines++;
            this.emitAt(
                'blank-line',
                'Blank line: Bedrock does not document how it treats one, so remove it',
                0,
            );
            return;
        }
        this.countRecord();
        if (invalidUtf8) {
            this.emitAt(
                'encoding-invalid-utf8',
                'The line has bytes that are not valid UTF-8 (shown as U+FFFD); Bedrock reads ' +
                    'UTF-8: convert the file to UTF-8',
                Math.max(0, text.indexOf('\uFFFD')),
            );
        }
        let value: unknown;
        try {
            value = JSON.parse(text);
        } catch (error) {
            this.reportSyntaxError(text, error);
            return;
        }
        if (isObject(value)) {
            if (mayHaveDuplicateKeys(text)) {
                this.reportDuplicateKeys(text);
            }
            this.checkRecord(value);
        } else {
            this.reportNotObject(value);
        }
    }

    /** A line of text that cannot be read (UTF-16 taken for UTF-8): counted, not checked. */
    unreadableLine(lineNumber: number, byteEnd: number): void {
        this.lineNumber = lineNumber;
        this.lineText = '';
        this.checkSize(byteEnd);
        this.countRecord();
    }

    /** A line longer than maxLineBytes, counted but not read into memory. */
    longLine(lineNumber: number, byteLength: number, byteEnd: number, bareCr: boolean): void {
        this.lineNumber = lineNumber;
        this.lineText = '';
        this.checkSize(byteEnd);
        this.countRecord();
        if (bareCr && !this.bareCrReported) {
            this.reportBareCr(0, 'several records');
            return;
        }
        const mib = (byteLength / 1024 / 1024).toFixed(1);
        const limit = (this.job.options.maxLineBytes / 1024 / 1024).toFixed(0);
        this.emitAt(
            'line-too-long',
            `The line is ${mib} MiB, more than the ${limit} MiB the checker reads ` +
                '(option maxLineBytes), so it was not checked; a request this large may exceed ' +
                "the model's request size limit",
            0,
        );
    }

    // ---- BodyContext: what the model-family rules call ----

    report(code: RuleCode, message: string, at: JsonPath = [], fix?: BodyFix): void {
        if (!this.sink.count(code)) {
            return;
        }
        const lineFix: Fix | undefined =
            fix === undefined
                ? undefined
                : fix.kind === 'insert-property'
                  ? {
                        ...fix,
                        line: this.lineNumber,
                        objectPath: ['modelInput', ...fix.objectPath],
                    }
                  : { ...fix, line: this.lineNumber, path: ['modelInput', ...fix.path] };
        this.keepAt(code, message, ['modelInput', ...at], lineFix);
    }

    addText(chars: number): void {
        this.textChars += chars;
    }

    addMedia(): void {
        this.media++;
    }

    setOutputLimit(tokens: number): void {
        this.outputLimit = tokens;
    }

    // ---- RecordReporter: record-level rules ----

    emit(code: RuleCode, message: string, path: JsonPath, fix?: Fix): void {
        if (this.sink.count(code)) {
            this.keepAt(code, message, path, fix);
        }
    }

    /** File-level summaries; call once after the last line. */
    finishFile(totalBytes: number, jobHasSeveralFiles: boolean): void {
        this.stats.bytes = totalBytes;
        const missing = this.stats.recordsWithoutId;
        if (missing > 0) {
            this.sink.add({
                code: 'record-id-missing',
                severity: ruleSeverity('record-id-missing'),
                message:
                    `${missing} of ${this.stats.records} records ` +
                    `${missing === 1 ? 'has' : 'have'} no recordId (the first is ` +
                    `on line ${this.firstLineWithoutId}). Bedrock makes IDs up and returns ` +
                    'results in any order, so add your own to match results to inputs',
                line: this.firstLineWithoutId,
                column: 1,
                fix: { kind: 'add-missing-record-ids', title: 'Add a recordId to every record' },
            });
        }
        if (this.stats.records === 0 && jobHasSeveralFiles) {
            this.sink.add({
                code: 'file-no-records',
                severity: ruleSeverity('file-no-records'),
                message: 'This file of the job has no records: remove it from the input folder',
                line: 1,
                column: 1,
            });
        }
    }

    /** Job-level diagnostics are reported on a file, and always kept. */
    addJobDiagnostic(code: RuleCode, message: string): void {
        this.sink.add({ code, severity: ruleSeverity(code), message, line: 1, column: 1 });
    }

    result(): FileCheckResult {
        const sink = this.sink;
        return {
            path: this.path,
            diagnostics: sink.sorted(),
            counts: { ...sink.counts },
            errors: sink.errors,
            warnings: sink.warnings,
            infos: sink.infos,
            omitted: sink.omitted,
            stats: { ...this.stats },
        };
    }

    // ---- internals ----

    private checkRecord(record: JsonObject): void {
        const id = checkRecordId(record, this);
        if (id !== undefined) {
            this.checkDuplicate(id);
        } else if (record['recordId'] === undefined) {
            this.stats.recordsWithoutId++;
            if (this.firstLineWithoutId === 0) {
                this.firstLineWithoutId = this.lineNumber;
            }
        }
        const body = checkWrapper(record, this);
        if (body === undefined) {
            return;
        }
        this.textChars = 0;
        this.media = 0;
        this.outputLimit = -1;
        this.job.checkBody(body, this);
        const stats = this.stats;
        stats.recordsNotEstimated--;
        stats.estimatedInputTokens += estimateTokens(this.textChars, this.media);
        stats.mediaBlocks += this.media;
        if (this.outputLimit >= 0) {
            stats.maxOutputTokens += this.outputLimit;
        } else {
            stats.recordsWithoutOutputLimit++;
        }
    }

    private checkDuplicate(id: string): void {
        const job = this.job;
        const origin = job.ids.check(id, this.index, this.lineNumber);
        if (origin !== undefined) {
            const where =
                origin.fileIndex === this.index
                    ? `line ${origin.line}`
                    : `line ${origin.line} of ${showInvisible(job.fileName(origin.fileIndex))}`;
            this.emit(
                'record-id-duplicate',
                `recordId ${quoteVisible(id)} is already used on ${where}; results are matched ` +
                    'by recordId, so give each record its own',
                ['recordId'],
            );
        } else if (job.ids.limitReached && !job.idLimitReported) {
            job.idLimitReported = true;
            const limit = job.options.quotas.maxRecordsPerJob;
            this.emit(
                'record-id-check-limited',
                `From here on recordIds are only compared with the first ${limit} ` +
                    'remembered ones, so repeats among later records are not found ' +
                    `(the job is over the ${limit}-record quota anyway)`,
                ['recordId'],
            );
        }
    }

    private countRecord(): void {
        const stats = this.stats;
        const job = this.job;
        const quotas = job.options.quotas;
        stats.records++;
        stats.recordsNotEstimated++;
        job.records++;
        if (stats.records > quotas.maxRecordsPerFile && !this.fileRecordsReported) {
            this.fileRecordsReported = true;
            this.emitAt(
                'file-too-many-records',
                `Record ${stats.records} of this file: a file may hold at most ` +
                    `${quotas.maxRecordsPerFile} records; split the file from here`,
                0,
            );
        }
        if (
            job.options.jobQuotas &&
            job.records > quotas.maxRecordsPerJob &&
            !job.tooManyRecordsReported
        ) {
            job.tooManyRecordsReported = true;
            this.emitAt(
                'job-too-many-records',
                `Record ${job.records} of the job: a job may hold at most ` +
                    `${quotas.maxRecordsPerJob} records; split the input into several jobs`,
                0,
            );
        }
    }

    private checkSize(byteEnd: number): void {
        const job = this.job;
        const quotas = job.options.quotas;
        if (byteEnd > quotas.maxFileBytes && !this.fileSizeReported) {
            this.fileSizeReported = true;
            this.emitAt(
                'file-too-large',
                `The file passes ${formatBytes(quotas.maxFileBytes)} (the per-file quota) on ` +
                    'this line: split it into smaller files',
                0,
            );
        }
        if (
            job.options.jobQuotas &&
            job.bytesBefore + byteEnd > quotas.maxJobBytes &&
            !job.tooLargeReported
        ) {
            job.tooLargeReported = true;
            this.emitAt(
                'job-too-large',
                `The job's files pass ${formatBytes(quotas.maxJobBytes)} (the per-job quota) ` +
                    'on this line: split the input into several jobs',
                0,
            );
        }
    }

    private reportSyntaxError(text: string, error: unknown): void {
        // Only a line with a CR can be records split by CR alone: said once, not as bad JSON.
        let found = text.includes('\r') ? findSyntaxError(text) : undefined;
        if (found !== undefined && this.isBareCr(text, found)) {
            if (!this.bareCrReported) {
                const records = text.split('\r').filter((part) => !isBlank(part)).length;
                this.reportBareCr(found.offset, `${records} records`);
            }
            return;
        }
        if (!this.sink.count('json-syntax')) {
            return;
        }
        found ??= findSyntaxError(text);
        const offset = positionFromParseError(error) ?? found?.offset ?? 0;
        const reason = found?.message ?? (error instanceof Error ? error.message : String(error));
        this.sink.keep({
            code: 'json-syntax',
            severity: ruleSeverity('json-syntax'),
            message: `Invalid JSON: ${reason}`,
            line: this.lineNumber,
            column: offset + 1,
            endColumn: Math.min(offset, text.length) + 2,
        });
    }

    /** Records one after the other on a line, separated by a CR: classic Mac line endings. */
    private isBareCr(text: string, found: JsonSyntaxError): boolean {
        return found.afterRecord && crBefore(text, found.offset);
    }

    /** Once per file: CR-only line endings make every line after the first one invalid. */
    private reportBareCr(offset: number, records: string): void {
        this.bareCrReported = true;
        this.emitAt(
            'line-ending-cr',
            `Lines end with CR only (classic Mac line endings), so this line holds ${records}; ` +
                'Bedrock splits records on LF and reads them as one invalid record: convert ' +
                'the line endings to LF (or CRLF)',
            offset,
        );
    }

    /** Keys written twice in an object that counts (not inside a copy that is overridden). */
    private reportDuplicateKeys(text: string): void {
        for (const repeat of findDuplicateKeys(text)) {
            const object = locatePath(text, repeat.objectPath);
            if (object.complete && object.valueStart === repeat.objectStart) {
                this.reportDuplicateKey(text, repeat);
            }
        }
    }

    private reportDuplicateKey(text: string, repeat: DuplicateKey): void {
        if (!this.sink.count('json-duplicate-key')) {
            return;
        }
        const [first] = objectMembers(text, repeat.objectStart).filter(
            (member) => member.key === repeat.key,
        );
        const key = quoteVisible(repeat.key);
        const where = describePath(repeat.objectPath);
        const times = repeat.copies === 2 ? 'twice' : `${repeat.copies} times`;
        const start = first?.keyStart ?? repeat.objectStart;
        this.sink.keep({
            code: 'json-duplicate-key',
            severity: ruleSeverity('json-duplicate-key'),
            message:
                `${key} is written ${times} in ${where}. JSON.parse and most JSON readers keep ` +
                'only the last value (the one checked here); how Bedrock treats a repeated key ' +
                'is not documented, so keep one copy',
            line: this.lineNumber,
            column: start + 1,
            endColumn: (first?.keyEnd ?? start + 1) + 1,
            fix: {
                kind: 'remove-duplicate-keys',
                title: `Keep only the last ${key} in ${where}`,
                line: this.lineNumber,
                objectPath: repeat.objectPath,
                key: repeat.key,
            },
        });
    }

    private reportNotObject(value: unknown): void {
        const records =
            Array.isArray(value) && value.length > 0 && value.every(isObject)
                ? ': this looks like a JSON array of records; write one record per line instead'
                : '';
        const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
        this.emit(
            'record-not-object',
            `Each line must be one JSON object {"recordId": ..., "modelInput": {...}}, ` +
                `not ${kind}${records}`,
            [],
        );
    }

    private emitAt(code: RuleCode, message: string, offset: number): void {
        if (this.sink.count(code)) {
            this.sink.keep({
                code,
                severity: ruleSeverity(code),
                message,
                line: this.lineNumber,
                column: offset + 1,
            });
        }
    }

    private keepAt(code: RuleCode, message: string, path: JsonPath, fix?: Fix): void {
        const location = locatePath(this.lineText, path);
        const atValue = location.complete && VALUE_CODES.has(code);
        const start = atValue ? location.valueStart : (location.keyStart ?? location.valueStart);
        const end = atValue ? location.valueEnd : (location.keyEnd ?? location.valueEnd);
        const diagnostic: Diagnostic = {
            code,
            severity: ruleSeverity(code),
            message,
            line: this.lineNumber,
            column: start + 1,
            endColumn: Math.max(end, start + 1) + 1,
            ...(fix === undefined ? {} : { fix }),
        };
        this.sink.keep(diagnostic);
    }
}
