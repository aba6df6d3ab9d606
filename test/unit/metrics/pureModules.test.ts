import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Files the webview bundles or unit tests load outside VS Code: no vscode, no runtime SDK.
const pure = [
    'alarmInput',
    'alarmPresets',
    'alarmRows',
    'chartPoints',
    'dashboardBody',
    'format',
    'insightsQuery',
    'jobMarkers',
    'metricCatalog',
    'metricQueries',
    'modelOptions',
    'panelHtml',
    'panelState',
    'protocol',
    'regionChoices',
    'selectionText',
    'tableText',
    'timeRange',
    'timeTicks',
    'metricsService',
];

describe('metrics modules', () => {
    for (const name of pure) {
        it(`${name} imports neither vscode nor the SDK at runtime`, () => {
            const source = readFileSync(
                join(__dirname, '../../../../src/metrics', `${name}.ts`),
                'utf8',
            );
            assert.doesNotMatch(source, /from 'vscode'/);
            assert.doesNotMatch(source, /^import (?!type )[^;]*from '@(aws-sdk|smithy)\//m);
        });
    }
});
