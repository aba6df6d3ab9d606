import { corpus, type Passage } from './corpus';

/** A sample batch input file: its name, the model it is meant for, and its JSONL text. */
export interface SampleFile {
    readonly name: string;
    readonly modelId: string;
    readonly invocationType: 'InvokeModel' | 'Converse';
    readonly description: string;
    readonly text: string;
}

const claudeTasks = [
    'Summarize this passage in one sentence.',
    'Explain this passage to a ten-year-old in two sentences.',
    'Name three themes of this passage, as a comma-separated list.',
    'Describe the tone of this passage in five words or fewer.',
    'Rewrite this passage in plain modern English.',
];

const novaLabels = 'political document, poem, novel, scripture, speech, essay, proverb';
const novaTasks = [
    `Classify the passage as one of: ${novaLabels}. Answer with the label only.`,
    'Is the passage optimistic, pessimistic or neutral? Answer with one word.',
    'Which century was this passage most likely written in? Answer with an ordinal such as "18th".',
    'Does the passage address the reader directly? Answer yes or no.',
    'Give the passage a title of at most six words.',
];

const converseQuestions = [
    'Who is speaking in this passage, and to whom?',
    'What is the single most important word in this passage, and why?',
    'What question does this passage leave unanswered?',
    'Which modern situation does this passage remind you of?',
    'Summarize the passage as a newspaper headline.',
];

function recordId(prefix: string, n: number): string {
    return `${prefix}${String(n).padStart(11 - prefix.length, '0')}`;
}

function line(record: object): string {
    return `${JSON.stringify(record)}\n`;
}

function quoted(passage: Passage): string {
    return `"${passage.text}"\n(${passage.source})`;
}

function claudeBody(passage: Passage, task: string): object {
    return {
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 300,
        system: 'You are a careful literary assistant. Answer briefly.',
        messages: [
            { role: 'user', content: [{ type: 'text', text: `${task}\n\n${quoted(passage)}` }] },
        ],
        temperature: 0.2,
    };
}

function claudeFile(): string {
    let n = 0;
    return claudeTasks
        .flatMap((task) =>
            corpus.map((passage) =>
                line({ recordId: recordId('CLD', ++n), modelInput: claudeBody(passage, task) }),
            ),
        )
        .join('');
}

function novaFile(): string {
    let n = 0;
    return novaTasks
        .flatMap((task) =>
            corpus.map((passage) =>
                line({
                    recordId: recordId('NOVA', ++n),
                    modelInput: {
                        schemaVersion: 'messages-v1',
                        system: [{ text: 'You label text. Reply with the answer only.' }],
                        messages: [
                            { role: 'user', content: [{ text: `${task}\n\n${quoted(passage)}` }] },
                        ],
                        inferenceConfig: { maxTokens: 20, temperature: 0 },
                    },
                }),
            ),
        )
        .join('');
}

/** Every passage, then its clauses: distinct texts of very different lengths to embed. */
function embeddingInputs(): string[] {
    const parts = corpus.flatMap((passage) =>
        passage.text
            .split(/(?<=[.;:!?,])\s+/)
            .map((clause) => clause.trim())
            .filter((clause) => clause.length >= 20),
    );
    return [...new Set([...corpus.map((passage) => passage.text), ...parts])];
}

function titanEmbeddingsFile(): string {
    return embeddingInputs()
        .map((text, i) =>
            line({
                recordId: recordId('EMB', i + 1),
                modelInput: { inputText: text, dimensions: 512, normalize: true },
            }),
        )
        .join('');
}

function converseFile(): string {
    let n = 0;
    return converseQuestions
        .flatMap((question) =>
            corpus.map((passage) =>
                line({
                    recordId: recordId('CNV', ++n),
                    modelInput: {
                        system: [{ text: 'Answer in at most two sentences.' }],
                        messages: [
                            {
                                role: 'user',
                                content: [{ text: `${question}\n\n${quoted(passage)}` }],
                            },
                        ],
                        inferenceConfig: { maxTokens: 200, temperature: 0.3 },
                    },
                }),
            ),
        )
        .join('');
}

/**
 * A Claude file with the mistakes people make most, each on a known line so the sandbox can show
 * the diagnostics: a body without anthropic_version (line 3), a stray modelId (5), a repeated
 * recordId (7), a body outside modelInput (9) and a line cut in half (11).
 */
function mistakesFile(): string {
    const [summarize = '', explain = ''] = claudeTasks;
    const lines = corpus.slice(0, 50).flatMap((passage, i) => [
        line({ recordId: recordId('BAD', 2 * i + 1), modelInput: claudeBody(passage, summarize) }),
        line({ recordId: recordId('BAD', 2 * i + 2), modelInput: claudeBody(passage, explain) }),
    ]);
    const first = corpus[0] as Passage;
    const body = claudeBody(first, 'Summarize.') as Record<string, unknown>;
    const withoutVersion = { ...body };
    delete withoutVersion['anthropic_version'];
    const withModelId = { ...body, modelId: 'anthropic.claude-3-haiku-20240307-v1:0' };
    const cutShort = line({ recordId: recordId('BAD', 11), modelInput: body }).slice(0, 60);
    lines[2] = line({ recordId: recordId('BAD', 3), modelInput: withoutVersion });
    lines[4] = line({ recordId: recordId('BAD', 5), modelInput: withModelId });
    lines[6] = line({ recordId: recordId('BAD', 6), modelInput: body });
    lines[8] = line({ recordId: recordId('BAD', 9), ...body });
    lines[10] = `${cutShort}\n`;
    return lines.join('');
}

/** What each sample is, without its text: cheap enough to read at activation. */
export type SampleEntry = Omit<SampleFile, 'text'>;

export const sampleCatalog: readonly SampleEntry[] = [
    {
        name: 'claude-literary-questions.jsonl',
        modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
        invocationType: 'InvokeModel',
        description: 'Claude Messages: five questions about each public-domain passage',
    },
    {
        name: 'nova-labels.jsonl',
        modelId: 'amazon.nova-lite-v1:0',
        invocationType: 'InvokeModel',
        description: 'Amazon Nova: one-word labels for each passage',
    },
    {
        name: 'titan-embeddings.jsonl',
        modelId: 'amazon.titan-embed-text-v2:0',
        invocationType: 'InvokeModel',
        description: 'Titan Text Embeddings V2: one vector per clause',
    },
    {
        name: 'converse-discussion.jsonl',
        modelId: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
        invocationType: 'Converse',
        description: 'Converse format: discussion questions, any model',
    },
    {
        name: 'mistakes.jsonl',
        modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
        invocationType: 'InvokeModel',
        description: 'Typical mistakes, to see the checker at work',
    },
];

const builders: Readonly<Record<string, () => string>> = {
    'claude-literary-questions.jsonl': claudeFile,
    'nova-labels.jsonl': novaFile,
    'titan-embeddings.jsonl': titanEmbeddingsFile,
    'converse-discussion.jsonl': converseFile,
    'mistakes.jsonl': mistakesFile,
};

export function sampleFiles(): SampleFile[] {
    return sampleCatalog.map((entry) => {
        const build = builders[entry.name];
        if (build === undefined) {
            throw new Error(`no builder for the sample ${entry.name}`);
        }
        return { ...entry, text: build() };
    });
}
