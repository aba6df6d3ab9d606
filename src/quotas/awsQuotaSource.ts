/** Reads the Bedrock quotas (ListServiceQuotas) and model display names (ListFoundationModels). */
import type { AwsClients } from '../aws/clients';
import type { ModelName, QuotaRow } from './quotaNames';
import type { QuotaSource } from './serviceQuotaStore';

export function awsQuotaSource(aws: AwsClients): QuotaSource {
    return {
        async listBedrockQuotas(region: string): Promise<QuotaRow[]> {
            const sdk = aws.sdk();
            const rows: QuotaRow[] = [];
            const pages = sdk.paginateListServiceQuotas(
                { client: aws.serviceQuotas(region) },
                { ServiceCode: 'bedrock', MaxResults: 100 },
            );
            for await (const page of pages) {
                for (const quota of page.Quotas ?? []) {
                    if (quota.QuotaName !== undefined && typeof quota.Value === 'number') {
                        rows.push({ name: quota.QuotaName, value: quota.Value });
                    }
                }
            }
            return rows;
        },
        async listModelNames(region: string): Promise<ReadonlyMap<string, ModelName>> {
            const sdk = aws.sdk();
            const listed = await aws.bedrock(region).send(new sdk.ListFoundationModelsCommand({}));
            const names = new Map<string, ModelName>();
            for (const model of listed.modelSummaries ?? []) {
                if (model.modelId !== undefined && model.modelName !== undefined) {
                    names.set(model.modelId, {
                        modelName: model.modelName,
                        ...(model.providerName === undefined
                            ? {}
                            : { providerName: model.providerName }),
                    });
                }
            }
            return names;
        },
    };
}
