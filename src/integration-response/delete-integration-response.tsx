import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeApiError } from '@/api/api-error';
import { useConnection } from '@/api/connection-provider';
import { useDeleteIntegrationResponse } from '@/api/mutations';
import { refetchMethod } from '@/api/invalidation';
import { methodQueryOptions, resourcesQueryOptions } from '@/api/queries';
import type { ResponseRef } from '@/api/refs';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { clearDraft, draftKey } from './drafts';

export interface DeleteIntegrationResponseDialogProps {
  target: ResponseRef;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** After the server confirmed the delete (the draft is already cleared). */
  onDeleted: () => void;
}

/**
 * The confirmation naming the status code and method (`GET /pets/{petId}`), and the delete itself: it clears the draft in this browser and
 * refreshes the method, so the editor does not start from a stale copy afterwards. For step 4, the editor and the
 * review step alike.
 */
export function DeleteIntegrationResponseDialog(props: DeleteIntegrationResponseDialogProps) {
  const { target, open, onOpenChange } = props;
  const { resourceId, httpMethod, statusCode } = target;
  const { client, scope } = useConnection();
  const qc = useQueryClient();
  // Both already read by every page that offers the delete (its summary, its status codes): from the cache.
  const resourcePath = useQuery(resourcesQueryOptions(client, scope, target)).data?.find(
    (r) => r.id === resourceId,
  )?.path;
  const method = useQuery(methodQueryOptions(client, scope, target)).data;
  const hasMethodResponse = method?.methodResponses?.[statusCode] !== undefined;
  const methodName = resourcePath === undefined ? httpMethod : `${httpMethod} ${resourcePath}`;
  const del = useDeleteIntegrationResponse();
  const [error, setError] = useState<unknown>();

  async function confirm() {
    setError(undefined);
    try {
      await del.mutateAsync(target);
    } catch (e) {
      setError(e);
      return;
    }
    clearDraft(draftKey({ connectionScope: scope, ...target }));
    await refetchMethod(qc, scope, target);
    onOpenChange(false);
    props.onDeleted();
  }

  const described = error === undefined ? undefined : describeApiError(error);
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(o) => {
        onOpenChange(o);
        if (!o) setError(undefined);
      }}
      title={`Delete the integration response for ${statusCode} of ${methodName}?`}
      confirmLabel={`Delete integration response ${statusCode}`}
      onConfirm={() => void confirm()}
      busy={del.isPending}
    >
      <p>
        API Gateway will stop using this mapping for {methodName}: responses it selected fall through to the other
        integration responses.{' '}
        {method === undefined
          ? null
          : hasMethodResponse
            ? `The method response ${statusCode} stays: the method still declares ${statusCode} to clients.`
            : `${statusCode} has no method response, so nothing is left of ${statusCode} on this method.`}{' '}
        Unsent changes to this integration response in this browser are discarded too.
      </p>
      {described ? (
        <p role="alert" className="font-medium text-danger">
          Not deleted: {described.title}. {described.detail}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}

export interface DeleteIntegrationResponseProps {
  target: ResponseRef;
  disabled?: boolean;
  onDeleted: () => void;
}

/** "Delete integration response N", opening the confirmation. */
export function DeleteIntegrationResponse(props: DeleteIntegrationResponseProps) {
  const { disabled, ...dialogProps } = props;
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)} disabled={disabled}>
        Delete integration response {props.target.statusCode}
      </Button>
      <DeleteIntegrationResponseDialog {...dialogProps} open={open} onOpenChange={setOpen} />
    </>
  );
}
