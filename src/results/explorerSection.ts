import type { TooltipSection } from '../explorer/tooltipSections';
import type { ResultsSummaryHook } from './activation';

/**
 * The results summary (counts, success rate, tokens, cost, the all-failed warning) as a section
 * of a finished job's hover. The first hover starts reading the manifest; the row is redrawn
 * when it arrives, so the next hover shows it.
 */
export function resultsTooltipSection(summaries: ResultsSummaryHook): TooltipSection {
    return {
        append(region, job, md) {
            const summary = summaries.cached(job);
            if (summary === undefined) {
                void summaries.summaryFor(region, job);
                return;
            }
            summaries.appendTo(md, summary);
        },
        onDidChange: summaries.onDidChange,
    };
}
