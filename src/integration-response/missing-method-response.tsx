import { Button } from '@/components/button';
import { Notice } from '@/components/notice';
import { hasStagedChanges, type StagedMethodResponse } from './send-plan';

/**
 * AWS stores an integration response without a method response for its status code, and a call that selects it then
 * fails (docs/aws/integration-responses.md, "Prerequisites"; docs/aws/test-invoke.md): say so, and offer to create
 * the method response in the same send.
 */
export function MissingMethodResponseNotice({
  statusCode,
  staged,
  onCreateChange,
}: {
  statusCode: string;
  staged: StagedMethodResponse | undefined;
  onCreateChange: (create: boolean) => void;
}) {
  if (hasStagedChanges(staged)) {
    const forHeaders = (staged?.declareHeaders.length ?? 0) > 0;
    return (
      <Notice tone="info" title={`Method response ${statusCode} will be created when you send`}>
        <p>
          A PutMethodResponse request goes first, then the integration response.
          {forHeaders ? ' It declares the headers you added.' : ''}
        </p>
        {!forHeaders ? (
          <Button variant="secondary" onClick={() => onCreateChange(false)}>
            Don&apos;t create method response {statusCode}
          </Button>
        ) : null}
      </Notice>
    );
  }
  return (
    <Notice tone="warning" title={`There is no method response for ${statusCode}`}>
      <p>
        API Gateway accepts this integration response, but a call that selects it then fails with a 500 (
        <q>Output mapping refers to an invalid method response</q>). Create the method response with this change, or add
        it another way before deploying.
      </p>
      <Button variant="secondary" onClick={() => onCreateChange(true)}>
        Create method response {statusCode} when sending
      </Button>
    </Notice>
  );
}
