import { zodResolver } from '@hookform/resolvers/zod';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import * as z from 'zod/mini';
import type { Integration } from '@/api/models';
import type { MethodRef } from '@/api/refs';
import { Button } from '@/components/button';
import { ErrorSummary, type FormError } from '@/components/error-summary';
import { afterNextFrame } from '@/components/after-first-paint';
import { inputClassName } from '@/components/field';
import { InTurn, useInTurn } from '@/components/in-turn';
import { Notice } from '@/components/notice';
import { isLambdaIntegration } from '@/rules/integration-kind';
import { mappingValueWarnings, parseResponseHeaderKey } from '@/rules/mapping-expression';
import { compareIgnoringCase } from '@/rules/text-order';
import type { IntegrationResponse, MethodResponse } from '@/rules/types';
import { clearDraft, saveDraft, type Draft, type DraftSamples } from '@/integration-response/drafts';
import { defaultSimulation, requestView, type SimulationSamples } from '@/response/simulation-inputs';
import { fieldDomId, fieldMessageIds, FieldMessages } from './field-messages';
import {
  analyzeForm,
  messagesFor,
  warningFormMessages,
  warningsFor,
  type AnalysisContext,
  type FieldMessage,
} from './form-analysis';
import { sameBody, type EditorFormValues, type MappingRow } from '@/integration-response/form-model';
import { MissingMethodResponseNotice } from '@/integration-response/missing-method-response';
import {
  hasStagedChanges,
  noStagedMethodResponse,
  withStaged,
  type StagedMethodResponse,
} from '@/integration-response/send-plan';
import { MappingFields } from './mapping-fields';
import { defaultPreviewSample, mappingPreview, parseSampleHeaders, type SampleResponse } from './preview-model';
import { defaultTesterSamples } from './tester-samples';
import { TemplateFields } from './template-fields';
import { TemplatePreview } from './template-preview';
import { usePreviewResults, type PreviewRunnerFactory } from './use-preview-results';
import { useSelectionRules } from './use-selection-rules';

// Its own chunk, loaded after the form has painted: the editor's first paint does not wait for it.
const SimulatePanel = lazy(() => import('@/simulate/simulate-panel'));
// The tester and the Java-regex translator it runs on: after the first paint too (use-selection-rules.ts).
const SelectionTester = lazy(() => import('./selection-tester').then((m) => ({ default: m.SelectionTester })));

const contentHandlingOptions = [
  {
    value: 'PASSTHROUGH',
    label: 'Passthrough',
    description: 'Send the body on as the back end returned it (contentHandling left out).',
  },
  {
    value: 'CONVERT_TO_BINARY',
    label: 'Convert to binary',
    description: 'Decode a base64-encoded body into binary (CONVERT_TO_BINARY).',
  },
  {
    value: 'CONVERT_TO_TEXT',
    label: 'Convert to text',
    description: 'Encode a binary body as base64 text (CONVERT_TO_TEXT).',
  },
] as const;

const formShape = z.object({
  selectionPattern: z.string(),
  contentHandling: z.enum(['PASSTHROUGH', 'CONVERT_TO_BINARY', 'CONVERT_TO_TEXT']),
  templates: z.array(z.object({ contentType: z.string(), template: z.string() })),
  mappings: z.array(
    z.object({
      header: z.string(),
      kind: z.enum(['static', 'header', 'body', 'multivalueheader', 'stageVariable', 'context', 'expression']),
      value: z.string(),
    }),
  ),
});

/** The form schema: structure from zod, AWS rules from src/rules (through analyzeForm), reported on form paths. */
export function editorFormSchema(ctx: AnalysisContext) {
  return formShape.check(
    z.superRefine((values, issues) => {
      for (const error of analyzeForm(values, ctx).errors) {
        issues.addIssue({
          code: 'custom',
          message: error.message,
          path: error.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
        });
      }
    }),
  );
}

export interface EditorFormProps {
  statusCode: string;
  integration: Integration;
  methodResponse: MethodResponse | undefined;
  /** The method, for Simulate (absent in component tests: no Simulate then). */
  methodRef?: MethodRef;
  /** Every method response of the method, when known (Simulate reports a picked status code without one). */
  methodResponses?: Record<string, MethodResponse>;
  /** The resource's path, when known: the method request's path parameters and `$context.resourcePath`. */
  resourcePath?: string;
  /** All integration responses of the method as stored (this one included when it exists). */
  siblings: IntegrationResponse[];
  /** What is stored now (empty values for a new response). */
  serverValues: EditorFormValues;
  draftStorageKey: string;
  restoredDraft?: Draft;
  /** The stored version this edit starts from (null: new), recorded in the draft for the review step. */
  base?: IntegrationResponse | null;
  /** false in component tests: CodeMirror needs layout a DOM emulation does not provide. */
  codeEditor?: boolean;
  /** Tests render on the main thread; the app uses the Web Worker runner. */
  createPreviewRunner?: PreviewRunnerFactory;
  /**
   * Whether the sections below the selection pattern mount one per task after it (in-turn.tsx); false in component
   * tests, which render without frames.
   */
  inParts?: boolean;
  /** Called with the draft saved, when the form has no errors. */
  onContinue: () => void;
  onDirtyChange?: (dirty: boolean) => void;
  onErrorSummaryChange?: (hasErrors: boolean) => void;
}

const DRAFT_DEBOUNCE_MS = 400;

/**
 * false for the first render, true once that render has been painted. The form shows first; CodeMirror, the
 * preview worker and the pattern tester's results come right after, so a deep link paints without waiting for them.
 */
function useAfterFirstPaint(enabled: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    return afterNextFrame(() => setPainted(true));
  }, [enabled]);
  return painted;
}

export function EditorForm(props: EditorFormProps) {
  const { statusCode, integration, methodResponse, siblings, serverValues, draftStorageKey, restoredDraft } = props;
  // A restored draft keeps the version its edit started from; a fresh edit starts from what is stored now.
  const [base, setBase] = useState<IntegrationResponse | null | undefined>(() =>
    restoredDraft && 'base' in restoredDraft ? restoredDraft.base : props.base,
  );
  const isLambda = isLambdaIntegration(integration);
  const inParts = props.inParts ?? true;
  // Mounted in parts, the form's first part is the selection pattern's section; the others follow it one per task,
  // and CodeMirror, the preview worker, the pattern tester and Simulate start after the last (this hook's effect
  // runs after its children's, so it queues after the parts).
  const paintedFrame = useAfterFirstPaint(!inParts);
  const afterParts = useInTurn(inParts);
  const painted = inParts ? afterParts : paintedFrame;
  // Declaring a header, or creating the method response, is staged: it is sent by the review step, right before the
  // integration response. The form is checked against the method response as it will be by then.
  const [staged, setStaged] = useState<StagedMethodResponse>(() => restoredDraft?.staged ?? noStagedMethodResponse);
  const effectiveMethodResponse = useMemo(
    () => withStaged(methodResponse, staged, statusCode),
    [methodResponse, staged, statusCode],
  );
  const ctx = useMemo<AnalysisContext>(
    () => ({ statusCode, methodResponse: effectiveMethodResponse }),
    [statusCode, effectiveMethodResponse],
  );
  const resolver = useMemo(() => zodResolver(editorFormSchema(ctx)), [ctx]);
  const { control, register, handleSubmit, reset, setValue, setFocus, getValues } = useForm<EditorFormValues>({
    defaultValues: restoredDraft?.form ?? serverValues,
    resolver,
    // The error summary takes focus (GOV.UK); RHF must not move it to the first field afterwards.
    shouldFocusError: false,
  });
  const values = useWatch({ control }) as EditorFormValues;
  const [samples, setSamples] = useState<DraftSamples>(
    () =>
      restoredDraft?.samples ?? {
        testerSamples: defaultTesterSamples(isLambda),
        ...defaultPreviewSample(isLambda),
      },
  );
  const [showRestored, setShowRestored] = useState(restoredDraft !== undefined);
  const [summary, setSummary] = useState<FormError[]>([]);
  const [submitCount, setSubmitCount] = useState(0);

  const analysis = useMemo(() => analyzeForm(values, ctx), [values, ctx]);
  // Whether there is anything to keep is not needed to draw the form, only by the parents and the draft's save: it
  // is worked out after each commit instead of in the render (its first time, ~17 ms at 4× CPU slowdown, was part of
  // the form's first render, one task).
  const isDirty = useCallback(
    (v: EditorFormValues, st: StagedMethodResponse) => !sameBody(v, serverValues) || hasStagedChanges(st),
    [serverValues],
  );

  const responses = useMemo<IntegrationResponse[]>(
    () => [...siblings.filter((s) => s.statusCode !== statusCode), { statusCode, ...analysis.body }],
    [siblings, statusCode, analysis.body],
  );

  const simulation = useMemo(() => samples.simulation ?? defaultSimulation(isLambda), [samples.simulation, isLambda]);
  const onSimulationChange = useCallback(
    (update: (s: SimulationSamples) => SimulationSamples) =>
      setSamples((s) => ({
        ...s,
        simulation: update(s.simulation ?? defaultSimulation(isLambda)),
      })),
    [isLambda],
  );
  const { httpMethod } = props.methodRef ?? {};
  const { resourcePath } = props;
  const previewRequest = useMemo(
    () =>
      requestView(simulation.request, {
        httpMethod: httpMethod ?? 'GET',
        ...(resourcePath !== undefined ? { resourcePath } : {}),
      }),
    [simulation.request, httpMethod, resourcePath],
  );
  const previewSample = useMemo<SampleResponse>(
    () => ({
      body: samples.previewBody,
      headers: parseSampleHeaders(samples.previewHeaders),
      statusCode: samples.previewStatus,
      request: previewRequest,
    }),
    [samples.previewBody, samples.previewHeaders, samples.previewStatus, previewRequest],
  );
  const { results: previews, prime: primePreview } = usePreviewResults(
    values.templates,
    previewSample,
    props.createPreviewRunner,
    painted,
  );

  // Until the selection-pattern rules have loaded, the pattern gets no verdict (the status line says it is being
  // checked); the mapping checks need no translator and run from the first keystroke.
  const selectionRules = useSelectionRules(painted);
  const warnings = useMemo<FieldMessage[]>(() => {
    const ruleWarnings = selectionRules
      ? selectionRules.integrationResponseWarnings({
          statusCode,
          input: analysis.body,
          siblings,
          integrationType: integration.type,
          isLambda,
        })
      : mappingValueWarnings(analysis.body.responseParameters);
    const out: FieldMessage[] = ruleWarnings.flatMap((w) => warningFormMessages(w, values));
    values.templates.forEach((row, index) => {
      const result = previews[index];
      if (result?.ok && result.json && !result.json.valid) {
        out.push({
          field: `templates.${index}.template`,
          message: `With the sample response this template's output is not valid JSON (${result.json.error}), but clients asking for ${row.contentType} expect JSON.`,
        });
      }
    });
    return out;
  }, [selectionRules, statusCode, analysis.body, siblings, integration.type, isLambda, values, previews]);

  // The template and mapping sections are memoised; their messages are new arrays on every keystroke and every
  // preview result, but rarely new content, so they are handed on by content (the lists are short).
  const errorsKey = JSON.stringify(analysis.errors);
  const stableErrors = useMemo(() => JSON.parse(errorsKey) as FieldMessage[], [errorsKey]);
  const warningsKey = JSON.stringify(warnings);
  const stableWarnings = useMemo(() => JSON.parse(warningsKey) as FieldMessage[], [warningsKey]);
  const declared = useMemo(() => declaredHeaders(effectiveMethodResponse), [effectiveMethodResponse]);
  const stagedHeaders = useMemo(
    () => staged.declareHeaders.filter((h) => !declaredHeaders(methodResponse).includes(h)),
    [staged.declareHeaders, methodResponse],
  );
  const onDeclareHeader = useCallback(
    (name: string) =>
      setStaged((s) => (s.declareHeaders.includes(name) ? s : { ...s, declareHeaders: [...s.declareHeaders, name] })),
    [],
  );
  const onUnstageHeader = useCallback(
    (name: string) =>
      setStaged((s) => ({
        ...s,
        declareHeaders: s.declareHeaders.filter((h) => h !== name),
      })),
    [],
  );
  const previewFor = useCallback((row: MappingRow) => mappingPreview(row, previewSample), [previewSample]);

  // Parents (route blocker, page title) follow the form without re-rendering it.
  const { onDirtyChange, onErrorSummaryChange } = props;
  useEffect(() => onDirtyChange?.(isDirty(values, staged)), [values, staged, isDirty, onDirtyChange]);
  useEffect(() => onErrorSummaryChange?.(summary.length > 0), [summary.length, onErrorSummaryChange]);

  const latest = useRef({ values, samples, body: analysis.body, staged });
  useEffect(() => {
    latest.current = { values, samples, body: analysis.body, staged };
  });
  // Set by Continue, which writes the draft itself: a save still pending from before the click must not undo that
  // (with nothing changed it would delete the draft while the review's code is loading). Any later change clears it.
  const continued = useRef(false);
  const persist = useMemo(
    () => () => {
      if (continued.current) return;
      const { values: v, samples: s, body, staged: st } = latest.current;
      if (isDirty(v, st))
        saveDraft(draftStorageKey, {
          body,
          form: v,
          samples: s,
          ...(base !== undefined ? { base } : {}),
          ...(hasStagedChanges(st) ? { staged: st } : {}),
        });
      else clearDraft(draftStorageKey);
    },
    [draftStorageKey, base, isDirty],
  );
  // Keyed by identity (useWatch and setSamples give new objects only on change): serialising a 300 KB template to
  // find out whether it changed would cost as much as saving it. The save itself (JSON + localStorage of the whole
  // form) waits for a pause in typing and then for an idle moment, so it never lands on a keystroke.
  useEffect(() => {
    continued.current = false;
    let idle: number | undefined;
    const timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function')
        idle = requestIdleCallback(persist, { timeout: DRAFT_DEBOUNCE_MS });
      else persist();
    }, DRAFT_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [values, samples, staged, persist]);

  const onSubmit = (e: FormEvent) => {
    void handleSubmit(
      () => {
        setSummary([]);
        persist();
        // The review step sends from the draft: make sure one exists even when nothing changed.
        if (!isDirty(latest.current.values, latest.current.staged)) {
          saveDraft(draftStorageKey, {
            body: latest.current.body,
            form: getValues(),
            samples,
            ...(base !== undefined ? { base } : {}),
          });
        }
        continued.current = true;
        props.onContinue();
      },
      () => {
        const current = analyzeForm(getValues(), ctx);
        setSummary(
          current.errors.map((err) => ({
            fieldId: fieldDomId(err.field),
            message: err.message,
          })),
        );
        setSubmitCount((n) => n + 1);
      },
    )(e);
  };

  const discardDraft = () => {
    clearDraft(draftStorageKey);
    setBase(props.base);
    setStaged(noStagedMethodResponse);
    reset(serverValues);
    setShowRestored(false);
    setSummary([]);
    setFocus('selectionPattern');
  };

  const patternErrors = messagesFor(analysis.errors, 'selectionPattern');
  const patternWarnings = warningsFor(warnings, 'selectionPattern');
  const handlingErrors = messagesFor(analysis.errors, 'contentHandling');
  const statusErrors = messagesFor(analysis.errors, 'statusCode');
  const patternId = fieldDomId('selectionPattern');
  const patternLabel = isLambda ? 'Lambda error regex' : 'HTTP status regex';
  const patternHint = isLambda
    ? 'A Java regular expression matched against the whole errorMessage of a failed Lambda call, for example Invalid input.* (a plain "Invalid input" would not match "Invalid input: name"). Leave it empty to make this the default response, used for successful calls and anything no other pattern matches.'
    : `A Java regular expression matched against the whole HTTP status code the ${integration.type === 'MOCK' ? 'mock integration' : 'back end'} returns, for example 4\\d{2}. It is not matched against the body. Leave it empty to make this the default response, used for anything no other pattern matches.`;

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="flex flex-col gap-8"
      aria-label={`Integration response ${statusCode}`}
    >
      <ErrorSummary key={submitCount} errors={summary} />
      {showRestored ? (
        <Notice tone="info" title="Restored your unsaved draft">
          <p>
            These are the changes you made earlier
            {restoredDraft ? ` (saved ${new Date(restoredDraft.savedAt).toLocaleString()})` : ''}. They have not been
            sent to API Gateway.
          </p>
          <Button variant="secondary" onClick={discardDraft}>
            Discard the draft
          </Button>
        </Notice>
      ) : null}
      {statusErrors.length > 0 ? (
        <div id={fieldDomId('statusCode')} tabIndex={-1}>
          <FieldMessages baseId={fieldDomId('statusCode')} errors={statusErrors} />
        </div>
      ) : null}

      {methodResponse === undefined ? (
        <MissingMethodResponseNotice
          statusCode={statusCode}
          staged={staged}
          onCreateChange={(create) => setStaged((st) => ({ ...st, create }))}
        />
      ) : null}

      <section aria-labelledby="ir-selection-heading" className="flex flex-col gap-4">
        <h2 id="ir-selection-heading" className="text-lg font-semibold text-fg">
          When this response is used
        </h2>
        <div className="flex flex-col gap-1">
          <label htmlFor={patternId} className="text-sm font-medium text-fg">
            Selection pattern: {patternLabel}
          </label>
          <p id={`${patternId}-hint`} className="max-w-prose text-sm text-fg-muted">
            {patternHint}
          </p>
          <input
            id={patternId}
            className={`${inputClassName} max-w-xl font-mono`}
            autoComplete="off"
            spellCheck={false}
            placeholder={isLambda ? 'Invalid input.*' : '4\\d{2}'}
            aria-describedby={[`${patternId}-hint`, fieldMessageIds(patternId, patternErrors, patternWarnings)]
              .filter(Boolean)
              .join(' ')}
            aria-invalid={patternErrors.length > 0 || undefined}
            {...register('selectionPattern')}
          />
          {/* After the input: a message that appears while typing must not move the field being typed into. */}
          <FieldMessages
            baseId={patternId}
            errors={patternErrors}
            warnings={patternWarnings}
            onFix={(value) => {
              setValue('selectionPattern', value, { shouldDirty: true });
              setFocus('selectionPattern');
            }}
          />
        </div>
        {painted ? (
          // In a task of its own (the tester's first render runs every sample through every pattern).
          <InTurn inTurn={inParts} fallback={<TesterLoading />}>
            <Suspense fallback={<TesterLoading />}>
              <SelectionTester
                isLambda={isLambda}
                statusCode={statusCode}
                samples={samples.testerSamples}
                onSamplesChange={(testerSamples) => setSamples((s) => ({ ...s, testerSamples }))}
                responses={responses}
              />
            </Suspense>
          </InTurn>
        ) : (
          <TesterLoading />
        )}
      </section>

      <InTurn inTurn={inParts}>
        <fieldset
          className="flex flex-col gap-2"
          aria-describedby={handlingErrors.length > 0 ? `${fieldDomId('contentHandling')}-errors` : undefined}
        >
          <legend className="mb-2 text-lg font-semibold text-fg">Content handling</legend>
          <FieldMessages baseId={fieldDomId('contentHandling')} errors={handlingErrors} />
          {contentHandlingOptions.map((option, index) => {
            const id = index === 0 ? fieldDomId('contentHandling') : `${fieldDomId('contentHandling')}-${option.value}`;
            return (
              <div key={option.value} className="flex items-start gap-3">
                <input
                  id={id}
                  type="radio"
                  value={option.value}
                  className="mt-1 size-4 accent-accent"
                  {...register('contentHandling')}
                />
                <label htmlFor={id} className="text-sm text-fg">
                  <span className="font-medium">{option.label}</span>
                  <span className="text-fg-muted">: {option.description}</span>
                </label>
              </div>
            );
          })}
        </fieldset>
      </InTurn>

      <InTurn inTurn={inParts}>
        <TemplateFields
          control={control}
          register={register}
          errors={stableErrors}
          warnings={stableWarnings}
          codeEditor={(props.codeEditor ?? true) && painted}
          onTemplateInput={primePreview}
        />
      </InTurn>

      <InTurn inTurn={inParts}>
        <TemplatePreview
          isLambda={isLambda}
          samples={samples}
          onSamplesChange={setSamples}
          templates={values.templates}
          results={previews}
        />
      </InTurn>

      <InTurn inTurn={inParts}>
        <MappingFields
          control={control}
          register={register}
          setValue={setValue}
          errors={stableErrors}
          warnings={stableWarnings}
          declaredHeaders={declared}
          statusCode={statusCode}
          hasMethodResponse={effectiveMethodResponse !== undefined}
          stagedHeaders={stagedHeaders}
          onDeclareHeader={onDeclareHeader}
          onUnstageHeader={onUnstageHeader}
          previewFor={previewFor}
        />
      </InTurn>

      {props.methodRef && painted ? (
        <InTurn inTurn={inParts}>
          <Suspense fallback={<p className="text-sm text-fg-muted">Loading Simulate…</p>}>
            <SimulatePanel
              methodRef={props.methodRef}
              integration={integration}
              integrationResponses={responses}
              {...(props.methodResponses ? { methodResponses: props.methodResponses } : {})}
              editing={{ statusCode, label: 'this draft' }}
              samples={simulation}
              onSamplesChange={onSimulationChange}
              intro={
                <p>
                  What a client receives for the back-end outcome and method request you set here, across all of this
                  method&apos;s integration responses, with this draft in place of the stored {statusCode}. It runs in
                  this browser with the engine the emulator&apos;s TestInvokeMethod uses; nothing is sent. The preview
                  above uses the same method request.
                </p>
              }
            />
          </Suspense>
        </InTurn>
      ) : null}

      <InTurn inTurn={inParts}>
        <div className="flex flex-wrap items-center gap-4 border-t border-border pt-6">
          <Button type="submit">Continue to review</Button>
          <p className="text-sm text-fg-muted" role="status">
            {analysis.errors.length === 0
              ? methodResponse === undefined && !hasStagedChanges(staged)
                ? `AWS would accept this, but see the warning: there is no method response for ${statusCode}.`
                : 'No problems found.'
              : `${analysis.errors.length} ${analysis.errors.length === 1 ? 'problem' : 'problems'} to fix before AWS would accept this.`}
            {selectionRules ? '' : ' Checking the selection pattern…'}
            {/* Warnings never block, but "no problems" alone would hide them. */}
            {warnings.length > 0
              ? ` ${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'} above: AWS accepts ${warnings.length === 1 ? 'it' : 'them'}, but check ${warnings.length === 1 ? 'it is' : 'they are'} meant.`
              : ''}
          </p>
        </div>
      </InTurn>
    </form>
  );
}

function TesterLoading() {
  return <p className="text-sm text-fg-muted">Loading the pattern tester…</p>;
}

export function declaredHeaders(methodResponse: MethodResponse | undefined): string[] {
  return Object.keys(methodResponse?.responseParameters ?? {})
    .map(parseResponseHeaderKey)
    .filter((name) => name !== null)
    .sort(compareIgnoringCase);
}
