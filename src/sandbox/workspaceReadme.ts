/** The README.md of the sample workspace: what each file is and the loop to try, step by step. */
import type { SampleFile } from './samples';

export const readmeFileName = 'README.md';

function recordCount(file: SampleFile): number {
    return file.text.split('\n').filter((line) => line.trim() !== '').length;
}

export function sampleWorkspaceReadme(files: readonly SampleFile[]): string {
    const rows = files.map((file) =>
        `| \`${file.name}\` | ${recordCount(file)} | ${file.description} | \`${file.modelId}\` |`);
    return [
        '# Bedrock Batch sandbox',
        '',
        'Everything here runs against a local stand-in for AWS on 127.0.0.1: no account, no',
        'cost, nothing leaves this machine. The status bar shows **Bedrock Batch Sandbox** while',
        'it runs; jobs are simulated and their outputs are made up, but the requests, files,',
        'statuses and metrics have the same shape as on AWS.',
        '',
        '| File | Records | What it is | Model to choose |',
        '| --- | ---: | --- | --- |',
        ...rows,
        '',
        'The records are built from public-domain texts (founding documents, poems and novels',
        'published before 1929).',
        '',
        '## Try this',
        '',
        '1. Open `mistakes.jsonl`: each mistake is underlined with what Bedrock would say about',
        '   it. Hover one to read it; where the fix is certain (a missing `anthropic_version`, a',
        '   stray `modelId`) the light bulb applies it.',
        '2. Right-click `claude-literary-questions.jsonl` in the Explorer and choose',
        '   **Submit as Bedrock batch...**. Pick the model from the table, the bucket',
        '   `bedrock-batch-sandbox` and the role `BedrockBatchServiceRole`; the last step shows',
        '   the record count, token and cost estimate before anything is sent.',
        '3. Watch the job in the **Batch Jobs** view (Bedrock Batch icon in the activity bar):',
        '   Submitted, Validating, Scheduled, InProgress with its record count, then Completed,',
        '   in about two minutes.',
        '4. Click the graph icon on the job row (**Show Metrics**): the charts of',
        '   `AWS/Bedrock/Batch` fill in minute by minute while the job runs.',
        '5. In the metrics panel, create an alarm (for example the high input tokens preset).',
        '6. Right-click the completed job and choose **Download Results...**: every output is',
        '   shown next to its input; "Failed and missing" lists the records to run again.',
        '',
        'Leave with **Bedrock Batch: Leave Sandbox** (or click the status bar item).',
        '',
    ].join('\n');
}
