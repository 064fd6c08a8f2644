// Module Web Worker: runs simulations off the main thread, so a template that loops for ever stops only the worker
// (the runner replaces it) and never the page.
import { simulateMethod, type SimulationInput, type SimulationOutcome } from '@/response/simulate-method';

export interface SimulateRequest {
  id: number;
  input: SimulationInput;
}

export interface SimulateResponse {
  id: number;
  outcome: SimulationOutcome;
}

self.addEventListener('message', (event: MessageEvent<SimulateRequest>) => {
  const { id, input } = event.data;
  let outcome: SimulationOutcome;
  try {
    outcome = simulateMethod(input);
  } catch (error) {
    // simulateMethod never throws for user data; this only guards against a broken message.
    outcome = { ok: false, inputError: error instanceof Error ? error.message : String(error) };
  }
  const response: SimulateResponse = { id, outcome };
  self.postMessage(response);
});
