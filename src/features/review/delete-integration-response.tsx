import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeApiError } from '@/api/api-error';
import { useConnection } from '@/api/connection-provider';
import { useDeleteIntegrationResponse } from '@/api/mutations';
import { methodQueryOptions } from '@/api/queries';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { clearDraft, draftKey } from '@/features/editor/drafts';
import { clearBase } from './review-base';

export interface DeleteIntegrationResponseProps {
  restApiId: string;
  resourceId: string;
  httpMethod: string;
  statusCode: string;
  /** The resource path (`/items`) for the confirmation text; the id is used while it is unknown. */
  resourcePath?: string;
  disabled?: boolean;
  /** After the server confirmed the delete (the draft is already cleared). */
  onDeleted: () => void;
}

/**
 * "Delete integration response N" with a confirmation naming the status code and method. Clears the editor draft
 * and refreshes the method, so the editor does not start from a stale copy afterwards. For the review step and
 * the editor alike.
 */
export function DeleteIntegrationResponse(props: DeleteIntegrationResponseProps) {
  const { restApiId, resourceId, httpMethod, statusCode } = props;
  const { client, scope } = useConnection();
  const qc = useQueryClient();
  const del = useDeleteIntegrationResponse();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>();

  async function confirm() {
    setError(undefined);
    try {
      await del.mutateAsync({ restApiId, resourceId, httpMethod, statusCode });
    } catch (e) {
      setError(e);
      return;
    }
    const key = draftKey({ connectionScope: scope, restApiId, resourceId, httpMethod, statusCode });
    clearDraft(key);
    clearBase(key);
    await qc
      .refetchQueries({
        queryKey: methodQueryOptions(client, scope, restApiId, resourceId, httpMethod).queryKey,
        exact: true,
      })
      .catch(() => undefined);
    setOpen(false);
    props.onDeleted();
  }

  const described = error === undefined ? undefined : describeApiError(error);
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)} disabled={props.disabled}>
        Delete integration response {statusCode}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={(o) => {
          setOpen(o);
          if (!o) setError(undefined);
        }}
        title={`Delete the integration response for ${statusCode} of ${httpMethod}?`}
        confirmLabel={`Delete integration response ${statusCode}`}
        onConfirm={() => void confirm()}
        busy={del.isPending}
      >
        <p>
          API Gateway will stop using this mapping for {httpMethod} {props.resourcePath ?? resourceId}: responses it
          selected fall through to the other integration responses. Unsent changes to it in this browser are discarded
          too.
        </p>
        {described ? (
          <p role="alert" className="font-medium text-danger">
            Not deleted: {described.title}. {described.detail}
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
