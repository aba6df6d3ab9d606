/** What the integration tests may read or do about results: the views as the user sees them. */
import type { ResultsFeature, ResultsSummaryHook } from './activation';
import type { PageView, StatusFilter, SummaryView } from './protocol';

export interface ResultsTesting {
    /** Summary and page the view of `folder` was last sent; undefined when no view is open. */
    view(
        folder: string,
    ):
        | { readonly summary: SummaryView | undefined; readonly page: PageView | undefined }
        | undefined;
    /** Settles once the view of `folder` has read its files. */
    ready(folder: string): Promise<void>;
    /** Filters, searches or pages the view of `folder`, as its controls do. */
    query(
        folder: string,
        filter: StatusFilter,
        query: string,
        page: number,
    ): Promise<PageView | undefined>;
    /** Opens a record of the view of `folder` as JSON, as clicking its id does. */
    openRecord(folder: string, position: number): Promise<void>;
    readonly summaries: ResultsSummaryHook;
}

export function resultsTesting(feature: ResultsFeature): ResultsTesting {
    return {
        summaries: feature.summaries,
        view: (folder) => feature.panels.get(folder)?.shown,
        ready: async (folder) => {
            await feature.panels.get(folder)?.ready;
        },
        query: async (folder, filter, query, page) =>
            feature.panels.get(folder)?.query({ filter, query, page }),
        openRecord: async (folder, position) => feature.panels.get(folder)?.openRecord(position),
    };
}
