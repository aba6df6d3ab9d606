import type { PriceRow } from '../checker/types';
import type { Ctx } from '../ctx';
import type { DownloadRegistry } from './downloadRegistry';
import type { ResultsPanels } from './resultsPanels';
import type { SubmissionLookup } from './resultsLocation';
import type { SummaryService } from './summaryService';

/** What the results commands share. */
export interface ResultsDeps {
    readonly ctx: Ctx;
    readonly registry: DownloadRegistry;
    readonly summaries: SummaryService;
    readonly panels: ResultsPanels;
    readonly submissions: SubmissionLookup;
    /** The price table: the user's `bedrockBatch.prices` rows over the defaults. */
    readonly prices: () => readonly PriceRow[];
}
