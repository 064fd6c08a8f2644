// The pattern tester's first samples. Apart from the tester itself, which loads after the editor's first paint with
// the Java-regex translator it needs: the form's state starts from these before either has arrived.
export const defaultLambdaSamples = [
  'Invalid input: name is required',
  'Not found: order 42',
  'Task timed out after 3.00 seconds',
];
export const defaultStatusSamples = ['200', '201', '400', '404', '500', '503'];

export function defaultTesterSamples(isLambda: boolean): string[] {
  return isLambda ? defaultLambdaSamples : defaultStatusSamples;
}
