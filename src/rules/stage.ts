// Names and variables of a stage, shared by the emulator's CreateDeployment/CreateStage/UpdateStage and the
// dashboard's Deploy and Test invoke forms, so the form refuses exactly what the server would. Sources and the
// refusals' texts: docs/aws/deployments-stages.md.

/** AWS's Stage reference: letters, digits, hyphens and underscores, at most 128 characters. */
const STAGE_NAME = /^[a-zA-Z0-9_-]{1,128}$/;
/** CreateDeployment's `variables`: names of letters, digits and `_`. */
const STAGE_VARIABLE_NAME = /^[A-Za-z0-9_]+$/;
/** CreateDeployment's `variables`: values of letters, digits and ` -._~:/?#&=,`. */
const STAGE_VARIABLE_VALUE = /^[A-Za-z0-9 \-._~:/?#&=,]+$/;

export function isStageName(name: string): boolean {
  return STAGE_NAME.test(name);
}

export function isStageVariableName(name: string): boolean {
  return STAGE_VARIABLE_NAME.test(name);
}

export function isStageVariableValue(value: string): boolean {
  return STAGE_VARIABLE_VALUE.test(value);
}
