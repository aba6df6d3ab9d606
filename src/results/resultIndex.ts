/**
 * An index of a job's results: one small entry per record (status, tokens, error, and where its
 * line sits in which file), built by streaming the `.out` files and, when known, the input.
 * Record text stays on disk and is read back by offset, so 50,000 records of hundreds of MB
 * cost a few MB of memory. Output order is not input order: records are joined on `recordId`.
 */
import { isBlank, lineText, readFileLines, type RawLine } from './lineReader';
import { parseOutputLine, recordIdOf, isObject } from './outputLine';
import { outputText } from './outputText';

export type RecordStatus = 'succeeded' | 'failed' | 'missing';

export interface IndexedRecord {
    readonly recordId: string | undefined;
    readonly status: RecordStatus;
    /** Index into `ResultIndex.sources`. */
    readonly source: number;
    readonly offset: number;
    readonly length: number;
    /** 1-based line number in the source. */
    readonly line: number;
    readonly stopReason: string | undefined;
    readonly inputTokens: number | undefined;
    readonly outputTokens: number | undefined;
    readonly error: string | undefined;
    /** False for an output record whose id the input lacks; undefined without an input. */
    readonly inInput: boolean | undefined;
    /** True for an embedding output: a vector, with input tokens and no output tokens. */
    readonly embedding?: boolean;
}

export interface ResultSource {
    readonly path: string;
    readonly role: 'output' | 'input';
}

export interface LineProblem {
    readonly path: string;
    readonly line: number;
    readonly message: string;
}

export interface IndexCounts {
    readonly succeeded: number;
    readonly failed: number;
    /** In the input, with no line in any `.out` file. */
    readonly missing: number;
    /** In the output, with an id the input does not have. */
    readonly notInInput: number;
    /** Input lines without a recordId: they cannot be joined to their result. */
    readonly inputWithoutId: number;
    /** Output lines that are not a JSON object. */
    readonly malformedLines: number;
}

export interface ResultIndex {
    /** Output files first, then input files. */
    readonly sources: readonly ResultSource[];
    /** Output records in file order, then missing records in input order. */
    readonly records: readonly IndexedRecord[];
    /** The first MAX_KEPT_PROBLEMS line problems (malformed lines and the like). */
    readonly problems: readonly LineProblem[];
    readonly problemCount: number;
    readonly counts: IndexCounts;
    readonly hasInput: boolean;
}

export interface BuildIndexOptions {
    readonly outputFiles: readonly string[];
    readonly inputFiles?: readonly string[];
    readonly signal?: AbortSignal;
    /** Bytes read so far over every file. */
    readonly onProgress?: (bytesRead: number) => void;
}

export const MAX_KEPT_PROBLEMS = 200;

interface InputRef {
    readonly recordId: string;
    readonly source: number;
    readonly offset: number;
    readonly length: number;
    readonly line: number;
    matched: boolean;
}

export async function buildResultIndex(options: BuildIndexOptions): Promise<ResultIndex> {
    const builder = new IndexBuilder(options);
    return builder.build();
}

class IndexBuilder {
    private readonly sources: ResultSource[] = [];
    private readonly records: IndexedRecord[] = [];
    private readonly problems: LineProblem[] = [];
    private problemCount = 0;
    private readonly inputs = new Map<string, InputRef[]>();
    private readonly errorTexts = new Map<string, string>();
    private inputWithoutId = 0;
    private notInInput = 0;
    private malformedLines = 0;
    private bytesBefore = 0;

    constructor(private readonly options: BuildIndexOptions) {}

    async build(): Promise<ResultIndex> {
        const inputFiles = this.options.inputFiles ?? [];
        const outputSources = this.options.outputFiles.map((path) =>
            this.addSource(path, 'output'),
        );
        const inputSources = inputFiles.map((path) => this.addSource(path, 'input'));
        for (const source of inputSources) {
            await this.forEachLine(source, (line) => this.indexInputLine(source, line));
        }
        for (const source of outputSources) {
            await this.forEachLine(source, (line) =>
                this.indexOutputLine(source, line, inputFiles.length > 0),
            );
        }
        let missing = 0;
        for (const ref of this.unmatchedInputs()) {
            missing += 1;
            this.records.push({
                recordId: ref.recordId,
                status: 'missing',
                source: ref.source,
                offset: ref.offset,
                length: ref.length,
                line: ref.line,
                stopReason: undefined,
                inputTokens: undefined,
                outputTokens: undefined,
                error: undefined,
                inInput: true,
            });
        }
        const succeeded = this.records.filter((r) => r.status === 'succeeded').length;
        return {
            sources: this.sources,
            records: this.records,
            problems: this.problems,
            problemCount: this.problemCount,
            hasInput: inputFiles.length > 0,
            counts: {
                succeeded,
                failed: this.records.length - succeeded - missing,
                missing,
                notInInput: this.notInInput,
                inputWithoutId: this.inputWithoutId,
                malformedLines: this.malformedLines,
            },
        };
    }

    private addSource(path: string, role: ResultSource['role']): number {
        this.sources.push({ path, role });
        return this.sources.length - 1;
    }

    private async forEachLine(source: number, visit: (line: RawLine) => void): Promise<void> {
        const before = this.bytesBefore;
        let read = 0;
        const path = this.sources[source]?.path ?? '';
        const lines = readFileLines(path, {
            ...(this.options.signal === undefined ? {} : { signal: this.options.signal }),
            onBytes: (bytes) => {
                read = bytes;
                this.options.onProgress?.(before + bytes);
            },
        });
        for await (const line of lines) {
            if (!isBlank(line.bytes)) {
                visit(line);
            }
        }
        this.bytesBefore = before + read;
    }

    private indexInputLine(source: number, line: RawLine): void {
        let value: unknown;
        try {
            value = JSON.parse(lineText(line.bytes));
        } catch {
            this.problem(source, line.number, 'input line is not valid JSON');
            return;
        }
        const recordId = isObject(value) ? recordIdOf(value['recordId']) : undefined;
        if (recordId === undefined) {
            this.inputWithoutId += 1;
            return;
        }
        const ref: InputRef = {
            recordId,
            source,
            offset: line.offset,
            length: line.bytes.length,
            line: line.number,
            matched: false,
        };
        const refs = this.inputs.get(recordId);
        if (refs === undefined) {
            this.inputs.set(recordId, [ref]);
        } else {
            refs.push(ref);
        }
    }

    private indexOutputLine(source: number, line: RawLine, joinInput: boolean): void {
        const parsed = parseOutputLine(lineText(line.bytes));
        if (!parsed.ok) {
            this.malformedLines += 1;
            this.problem(source, line.number, `malformed output line: ${parsed.problem}`);
            return;
        }
        const record = parsed.record;
        if (record.recordId === undefined) {
            this.problem(source, line.number, 'output line has no recordId');
        }
        const inInput = joinInput ? this.matchInput(record.recordId) : undefined;
        if (inInput === false) {
            this.notInInput += 1;
        }
        const extracted = record.error === undefined ? outputText(record.modelOutput) : undefined;
        this.records.push({
            recordId: record.recordId,
            status: record.error === undefined ? 'succeeded' : 'failed',
            source,
            offset: line.offset,
            length: line.bytes.length,
            line: line.number,
            stopReason: extracted?.stopReason,
            inputTokens: extracted?.inputTokens,
            outputTokens: extracted?.outputTokens,
            error: record.error === undefined ? undefined : this.intern(errorText(record.error)),
            inInput,
            ...(extracted?.shape === 'embedding' ? { embedding: true } : {}),
        });
    }

    private matchInput(recordId: string | undefined): boolean {
        const refs = recordId === undefined ? undefined : this.inputs.get(recordId);
        if (refs === undefined) {
            return false;
        }
        const free = refs.find((ref) => !ref.matched);
        if (free !== undefined) {
            free.matched = true;
        }
        return true;
    }

    private *unmatchedInputs(): Generator<InputRef> {
        const all: InputRef[] = [];
        for (const refs of this.inputs.values()) {
            all.push(...refs.filter((ref) => !ref.matched));
        }
        all.sort((a, b) => a.source - b.source || a.offset - b.offset);
        yield* all;
    }

    /** Failed records often share one message; keep one copy of each. */
    private intern(text: string): string {
        const known = this.errorTexts.get(text);
        if (known !== undefined) {
            return known;
        }
        this.errorTexts.set(text, text);
        return text;
    }

    private problem(source: number, line: number, message: string): void {
        this.problemCount += 1;
        if (this.problems.length < MAX_KEPT_PROBLEMS) {
            this.problems.push({ path: this.sources[source]?.path ?? '', line, message });
        }
    }
}

export function errorText(error: {
    readonly code: string | undefined;
    readonly message: string;
}): string {
    return error.code === undefined ? error.message : `${error.code}: ${error.message}`;
}
