import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { classifyFailure } from '../shared/failure';
import { notificationText } from '../shared/notificationText';
import { reportError } from '../shared/reportError';
import { alarmInput } from './alarmInput';
import {
    customMonitoringEndpoint,
    dashboardBody,
    dashboardConsoleUrl,
    dashboardName,
} from './dashboardBody';
import { dashboardMessage } from './dashboardMessage';
import { insightsQueryProblems } from './insightsQuery';
import type { BatchMetricName } from './metricCatalog';
import type { DashboardWrite, MetricsService } from './metricsService';
import type { AlarmDraft, HostMessage, PersistedState, WebviewMessage } from './protocol';
import { resolveWindow } from './timeRange';

export interface PanelLink {
    post(message: HostMessage): void;
    selection(): PersistedState;
    /** The metrics charted for the selection, in display order. */
    metrics(): BatchMetricName[];
    refreshAlarms(): Promise<void>;
    /** Whether the panel listed this model id or was opened with it. */
    admitsModel(id: string): boolean;
    /** The alarms the panel listed last. */
    alarmNames(): readonly string[];
}

type ActionMessage = Extract<
    WebviewMessage,
    { type: 'createAlarm' | 'deleteAlarm' | 'createDashboard' | 'runInsights' | 'copy' }
>;

/** What the panel's buttons do: alarms, the dashboard, Metrics Insights and copying. */
export class PanelActions {
    constructor(
        private readonly ctx: Ctx,
        private readonly service: MetricsService,
        private readonly panel: PanelLink,
    ) {}

    async handle(message: WebviewMessage): Promise<void> {
        if (!isAction(message)) {
            return;
        }
        switch (message.type) {
            case 'createAlarm':
                return this.createAlarm(message.draft);
            case 'deleteAlarm':
                return this.deleteAlarm(message.alarmName);
            case 'createDashboard':
                return this.createDashboard();
            case 'runInsights':
                return this.runInsights(message.query);
            case 'copy':
                await vscode.env.clipboard.writeText(message.text);
                vscode.window.setStatusBarMessage('Batch Metrics: copied to the clipboard', 3000);
                return;
        }
    }

    private async createAlarm(draft: AlarmDraft): Promise<void> {
        const region = this.panel.selection().region;
        if (region === undefined) {
            return;
        }
        if (!this.panel.admitsModel(draft.modelId)) {
            this.ctx.log.warn(
                `Batch Metrics: ignored an alarm on ${JSON.stringify(draft.modelId)}, ` +
                    'a model the panel did not list',
            );
            return;
        }
        const built = alarmInput(draft);
        if (!built.ok) {
            this.notice('alarms', 'error', built.problems.join(' '));
            return;
        }
        try {
            await this.service.putAlarm(region, built.input);
        } catch (error) {
            this.failed('alarms', `Could not create the alarm "${draft.alarmName}"`, error);
            return;
        }
        this.ctx.log.info(
            `Batch Metrics: alarm "${built.input.AlarmName ?? ''}" written in ${region}`,
        );
        this.notice(
            'alarms',
            'info',
            `Alarm "${built.input.AlarmName ?? ''}" saved in ${region}. ` +
                'Its state shows INSUFFICIENT_DATA until CloudWatch first evaluates it.',
        );
        await this.panel.refreshAlarms();
    }

    /** Deleting is confirmed here, in a modal dialog of the editor, never inside the page. */
    private async deleteAlarm(alarmName: string): Promise<void> {
        const region = this.panel.selection().region;
        if (region === undefined) {
            return;
        }
        if (!this.panel.alarmNames().includes(alarmName)) {
            this.ctx.log.warn(
                `Batch Metrics: ignored deleting ${JSON.stringify(alarmName)}, ` +
                    'an alarm the panel did not list',
            );
            return;
        }
        const choice = await vscode.window.showWarningMessage(
            `Delete the CloudWatch alarm "${alarmName}" in ${region}?`,
            {
                modal: true,
                detail: 'The alarm and its history are deleted. This cannot be undone.',
            },
            'Delete',
        );
        if (choice !== 'Delete') {
            return;
        }
        try {
            await this.service.deleteAlarm(region, alarmName);
        } catch (error) {
            this.failed('alarms', `Could not delete the alarm "${alarmName}"`, error);
            return;
        }
        this.notice('alarms', 'info', `Alarm "${alarmName}" deleted from ${region}.`);
        await this.panel.refreshAlarms();
    }

    private async createDashboard(): Promise<void> {
        const { region, modelIds, range } = this.panel.selection();
        if (region === undefined || modelIds.length === 0) {
            this.notice('dashboard', 'error', 'Choose a region and at least one model first.');
            return;
        }
        const name = dashboardName(region);
        const metrics = this.panel.metrics();
        let written: DashboardWrite;
        try {
            written = await this.service.writeDashboard(
                region,
                name,
                dashboardBody({ region, modelIds, metrics, range }),
            );
        } catch (error) {
            this.failed('dashboard', `Could not write the dashboard "${name}"`, error);
            return;
        }
        const message = dashboardMessage({
            name,
            region,
            existed: written.existed,
            modelCount: modelIds.length,
            endpoint: customMonitoringEndpoint(this.ctx.aws.connection),
            notes: written.notes,
        });
        this.notice('dashboard', 'info', message.text);
        if (message.action === undefined) {
            void vscode.window.showInformationMessage(notificationText(message.text));
            return;
        }
        const open = await vscode.window.showInformationMessage(
            notificationText(message.text),
            message.action,
        );
        if (open === message.action) {
            await vscode.env.openExternal(vscode.Uri.parse(dashboardConsoleUrl(region, name)));
        }
    }

    private async runInsights(query: string): Promise<void> {
        const { region, range } = this.panel.selection();
        if (region === undefined) {
            return;
        }
        const window = resolveWindow(range, Date.now(), 1);
        const problems = insightsQueryProblems(query);
        if (problems.length > 0) {
            this.panel.post({
                type: 'insights',
                result: { query, window, series: [], notes: [], error: problems.join(' ') },
            });
            return;
        }
        try {
            const result = await this.service.insights(region, query.trim(), window);
            this.panel.post({ type: 'insights', result });
        } catch (error) {
            this.ctx.log.warn(`Batch Metrics: Metrics Insights query failed: ${String(error)}`);
            // The service's words as they are: they point at the part of the query it refused.
            const message = error instanceof Error ? error.message : String(error);
            const failure = classifyFailure(error, this.ctx.profile);
            const text =
                failure.kind === 'validation' || failure.kind === 'other'
                    ? message
                    : failure.message;
            this.panel.post({
                type: 'insights',
                result: { query, window, series: [], notes: [], error: text },
            });
        }
    }

    private notice(area: 'alarms' | 'dashboard', level: 'info' | 'error', text: string): void {
        this.panel.post({ type: 'notice', area, level, text });
    }

    private failed(area: 'alarms' | 'dashboard', doing: string, error: unknown): void {
        this.notice(area, 'error', `${doing}: ${classifyFailure(error, this.ctx.profile).message}`);
        void reportError(this.ctx.log, error, { doing, profile: this.ctx.profile });
    }
}

function isAction(message: WebviewMessage): message is ActionMessage {
    return ['createAlarm', 'deleteAlarm', 'createDashboard', 'runInsights', 'copy'].includes(
        message.type,
    );
}
