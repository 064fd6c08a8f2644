import { createFileRoute } from '@tanstack/react-router';
import { RestApisStep } from '../../features/wizard/rest-apis-step';

export const Route = createFileRoute('/apis/')({
  component: RestApisStep,
});
