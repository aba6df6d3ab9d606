/**
 * The messages between the Batch Metrics panel's host (extension) and its webview. Both sides
 * import this file, so a change in shape is a compile error on both. The host fetches every
 * piece of data; the webview only draws and asks.
 */
import type { BatchMetricName, Statistic } from './metricCatalog';

export const metricsViewType = 'bedrockBatch.metrics';
export const metricsPanelTitle = 'Batch Metrics';

export type RangeKey = '1h' | '3h' | '12h' | '1d' | '1w' | 'custom';

export interface RangeSelection {
    readonly key: RangeKey;
    /** Custom ranges only: epoch milliseconds. */
    readonly from?: number;
    /** Custom ranges only; absent means "until now", refreshed live. */
    readonly to?: number;
}

/** What the user chose: the only state that survives a reload (data is always re-fetched). */
export interface Selection {
    readonly region?: string;
    /** `ModelId` dimension values, as ListMetrics reports them. */
    readonly modelIds: readonly string[];
    readonly range: RangeSelection;
    /** The job the panel was opened from: its markers are drawn larger. */
    readonly jobArn?: string;
}

export interface PersistedState extends Selection {
    readonly version: 1;
    readonly paused: boolean;
}

/** A model offered in the picker: a `ModelId` value and the batch metrics listed for it. */
export interface ModelOption {
    readonly id: string;
    readonly metrics: readonly BatchMetricName[];
}

export interface Series {
    readonly metric: BatchMetricName;
    readonly modelId: string;
    readonly statistic: Statistic;
    /** [epoch ms, value], oldest first. */
    readonly points: readonly (readonly [number, number])[];
    /** CloudWatch's status for the series when it is not Complete (e.g. PartialData). */
    readonly status?: string;
}

export type MarkerKind = 'submitted' | 'started' | 'ended';

export interface JobMarker {
    readonly kind: MarkerKind;
    readonly time: number;
    readonly jobName: string;
    readonly jobArn: string;
    /** The `ModelId` value of the selected model this job ran on. */
    readonly modelId: string;
    readonly status: string;
    /** True for the job the panel was opened from. */
    readonly selected: boolean;
}

export interface TimeWindow {
    readonly start: number;
    readonly end: number;
    /** Seconds. */
    readonly period: number;
    /** True when the window ends now and moves on every refresh. */
    readonly live: boolean;
}

/** Everything the charts and tables draw, complete: a hidden panel keeps only the latest one. */
export interface Snapshot {
    readonly region: string;
    readonly modelIds: readonly string[];
    readonly window: TimeWindow;
    /** Metrics charted for these models, in display order. */
    readonly metrics: readonly BatchMetricName[];
    readonly series: readonly Series[];
    readonly markers: readonly JobMarker[];
    readonly fetchedAt: number;
    /** Number of GetMetricData calls this snapshot took (one by design). */
    readonly metricDataCalls: number;
    /** The service's message when GetMetricData failed. */
    readonly error?: string;
    /** The service's message when listing jobs for the markers failed. */
    readonly jobsError?: string;
    /** Messages GetMetricData returned alongside the data. */
    readonly notes: readonly string[];
}

export type Comparison =
    | 'GreaterThanThreshold'
    | 'GreaterThanOrEqualToThreshold'
    | 'LessThanThreshold'
    | 'LessThanOrEqualToThreshold';

export type MissingData = 'missing' | 'notBreaching' | 'breaching' | 'ignore';

interface AlarmDraftBase {
    readonly alarmName: string;
    readonly modelId: string;
    /** Seconds. */
    readonly period: number;
    readonly evaluationPeriods: number;
    readonly datapointsToAlarm?: number;
    readonly treatMissingData: MissingData;
    /** SNS topic notified on ALARM; empty for none. */
    readonly topicArn: string;
}

/** A threshold on one metric of one model. */
export interface MetricAlarmDraft extends AlarmDraftBase {
    readonly kind: 'metric';
    readonly metric: BatchMetricName;
    readonly statistic: Statistic;
    readonly comparison: Comparison;
    readonly threshold: number;
}

/** Metric math: records wait while no input token is processed. */
export interface StalledAlarmDraft extends AlarmDraftBase {
    readonly kind: 'stalled';
}

export type AlarmDraft = MetricAlarmDraft | StalledAlarmDraft;

export interface AlarmRow {
    readonly name: string;
    readonly state: string;
    readonly stateReason: string;
    readonly stateUpdated?: number;
    /** e.g. "NumberOfInputTokensProcessedPerMinute" or "metric math". */
    readonly metric: string;
    readonly modelIds: readonly string[];
    /** e.g. "Average > 1M for 1 of 1 × 6 h". */
    readonly condition: string;
    readonly actions: readonly string[];
}

export interface InsightsSeries {
    readonly label: string;
    readonly points: readonly (readonly [number, number])[];
}

export interface InsightsResult {
    readonly query: string;
    readonly window: TimeWindow;
    readonly series: readonly InsightsSeries[];
    readonly notes: readonly string[];
    /** The service's error, verbatim. */
    readonly error?: string;
}

export type NoticeLevel = 'info' | 'error';

/** What fixes refused credentials; the page asks, the host runs it. */
export type FixAction = 'configureProfile' | 'copyLoginCommand';

export const fixActionLabels: Readonly<Record<FixAction, string>> = {
    configureProfile: 'Configure Profile',
    copyLoginCommand: 'Copy Login Command',
};

/** AWS refused the connection's credentials: live refresh waits until they change. */
export interface CredentialProblem {
    /** The service's message. */
    readonly message: string;
    /** The fixes offered, in button order. */
    readonly actions: readonly FixAction[];
}

export type HostMessage =
    | {
          readonly type: 'init';
          readonly state: PersistedState;
          readonly regions: readonly string[];
          readonly refreshSeconds: number;
      }
    | {
          readonly type: 'models';
          readonly region: string;
          readonly models: readonly ModelOption[];
          readonly error?: string;
      }
    | { readonly type: 'selection'; readonly state: PersistedState }
    /** The regions offered changed (the sandbox was entered or left, a region was added). */
    | { readonly type: 'regions'; readonly regions: readonly string[] }
    | { readonly type: 'loading'; readonly loading: boolean }
    | { readonly type: 'snapshot'; readonly snapshot: Snapshot }
    | {
          readonly type: 'alarms';
          readonly region: string;
          readonly alarms: readonly AlarmRow[];
          readonly topics: readonly string[];
          readonly error?: string;
          readonly topicsError?: string;
      }
    | { readonly type: 'insights'; readonly result: InsightsResult }
    /** Sent when credentials are refused, and without `problem` once they work again. */
    | { readonly type: 'credentials'; readonly problem?: CredentialProblem }
    | {
          readonly type: 'notice';
          readonly area: 'alarms' | 'dashboard';
          readonly level: NoticeLevel;
          readonly text: string;
      };

export type WebviewMessage =
    | { readonly type: 'ready' }
    | { readonly type: 'select'; readonly selection: Selection }
    | { readonly type: 'refresh' }
    | { readonly type: 'pause'; readonly paused: boolean }
    | { readonly type: 'createAlarm'; readonly draft: AlarmDraft }
    | { readonly type: 'deleteAlarm'; readonly alarmName: string }
    | { readonly type: 'createDashboard' }
    | { readonly type: 'runInsights'; readonly query: string }
    | { readonly type: 'copy'; readonly text: string }
    | { readonly type: 'fix'; readonly action: FixAction }
    | { readonly type: 'cspViolation'; readonly directive: string; readonly blocked: string };

export type WebviewMessageType = WebviewMessage['type'];
