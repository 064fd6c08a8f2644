// The undeployed-changes panel and marks as a user sees them: the stage picker, the verdict, the report the pages mark
// their rows with, and a mark's differences. The stage list and the export come from the query cache, as they would
// after their requests (their wire side is tested against the emulator and moto).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, expect, test } from 'vitest';
import { ConnectionProvider } from '@/api/connection-provider';
import { embeddedConnection } from '@/api/connection';
import { resourceSchema, stageExportSchema } from '@/api/models';
import { apiGatewayKeys } from '@/api/query-keys';
import { StageCompare, UndeployedMark, type StageReport } from './stage-compare';

const scope = 'embedded||us-east-1';
const target = { restApiId: 'api1' };

const deployed = stageExportSchema().parse({
  openapi: '3.0.1',
  paths: {
    '/pets': {
      get: {
        'x-amazon-apigateway-integration': {
          responses: { default: { statusCode: '200', responseTemplates: { 'application/json': '{"v": 1}' } } },
          type: 'mock',
        },
      },
    },
  },
});

function resources(template: string) {
  return [
    resourceSchema().parse({
      id: 'r1',
      path: '/pets',
      resourceMethods: {
        GET: {
          httpMethod: 'GET',
          methodIntegration: {
            type: 'MOCK',
            integrationResponses: {
              '200': { statusCode: '200', responseTemplates: { 'application/json': template } },
            },
          },
        },
      },
    }),
  ];
}

function setup(children: ReactNode) {
  const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: 0 } } });
  qc.setQueryData(apiGatewayKeys.stages(scope, target), [{ stageName: 'dev', deploymentId: 'd1' }]);
  qc.setQueryData(apiGatewayKeys.stageExport(scope, { ...target, stageName: 'dev' }), deployed);
  return render(
    <QueryClientProvider client={qc}>
      <ConnectionProvider initial={embeddedConnection}>{children}</ConnectionProvider>
    </QueryClientProvider>,
  );
}

afterEach(() => sessionStorage.clear());

test('choosing a stage compares, reports the differing response, and is remembered', async () => {
  const reports: (StageReport | null)[] = [];
  const view = setup(
    <StageCompare target={target} resources={resources('{"v": 2}')} onReport={(r) => reports.push(r)} />,
  );
  expect(screen.getByText(/No stage/)).toBeTruthy();
  await userEvent.selectOptions(screen.getByLabelText('Compare with stage'), 'dev');
  expect(screen.getByTestId('stage-verdict').textContent).toContain(
    '1 integration response differs from what stage dev serves',
  );
  const report = reports.at(-1);
  expect(report?.stageName).toBe('dev');
  expect(report?.diffOf('/pets', 'GET', '200')?.state).toBe('changed');
  expect(report?.methodOf('/pets', 'GET')?.responses).toHaveLength(1);
  view.unmount();

  // Another page of the same API starts on the remembered stage.
  setup(<StageCompare target={target} resources={resources('{"v": 1}')} onReport={() => undefined} />);
  expect((screen.getByLabelText('Compare with stage') as HTMLSelectElement).value).toBe('dev');
  expect(screen.getByTestId('stage-verdict').textContent).toContain('Stage dev serves the current configuration');
});

test('a mark opens on the field-by-field differences', async () => {
  setup(
    <UndeployedMark
      stageName="dev"
      diff={{
        statusCode: '200',
        state: 'changed',
        changes: [{ field: 'template', contentType: 'application/json', deployed: '{"v": 1}', current: '{"v": 2}' }],
      }}
    />,
  );
  await userEvent.click(screen.getByText('Not deployed'));
  const row = screen.getByRole('row', { name: /Template application\/json/ });
  expect(
    within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['{"v": 1}', '{"v": 2}']);
  expect(screen.getByRole('columnheader', { name: 'On stage dev' })).toBeTruthy();
});
