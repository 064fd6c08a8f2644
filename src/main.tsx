import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConnectionProvider, useConnection } from './api/connection-provider';
import { createAppRouter, createQueryClient } from './router';
import './styles.css';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

/** Hands the current connection to route loaders, so a switch of target is seen by the next navigation's loader. */
function AppRouter() {
  const { client, scope } = useConnection();
  return <RouterProvider router={router} context={{ queryClient, connection: { client, scope } }} />;
}

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

createRoot(rootElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ConnectionProvider>
        <AppRouter />
      </ConnectionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
