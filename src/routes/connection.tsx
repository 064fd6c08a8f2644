import { createFileRoute } from '@tanstack/react-router';
import { ConnectionPage } from '@/features/connection/connection-page';

export const Route = createFileRoute('/connection')({
  component: ConnectionPage,
});
