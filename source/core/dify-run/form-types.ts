/** A Dify human input form as the run fold keeps it (human_input_required and what followed). */

/** One field of a human input form (data.inputs[] of human_input_required). */
export type HumanInputField = {
  readonly type: string;
  readonly outputVariableName: string;
  /** `default` as sent (null, a string, or a structured default). */
  readonly default: unknown;
};

/** One button of a human input form (data.actions[]). */
export type HumanInputAction = {
  readonly id: string;
  readonly title: string;
  readonly buttonStyle: string | undefined;
};

/** A human_input_required form, and how it was resolved. */
export type HumanInputForm = {
  /** Null in Dify for Email-only delivery: then the form cannot be submitted through the API. */
  readonly formToken: string | undefined;
  readonly formId: string | undefined;
  readonly nodeId: string;
  readonly nodeTitle: string;
  /** The form's text (markdown as sent). */
  readonly formContent: string;
  readonly inputs: readonly HumanInputField[];
  readonly actions: readonly HumanInputAction[];
  /** resolved_default_values as sent (variable name -> value). */
  readonly resolvedDefaultValues: Readonly<Record<string, unknown>>;
  /** expiration_time as sent (epoch seconds). */
  readonly expirationTime: number | undefined;
  /** `pending` until human_input_form_filled (`filled`) or human_input_form_timeout (`timeout`). */
  readonly state: 'pending' | 'filled' | 'timeout';
  /** human_input_form_filled: the action chosen (action_id / action_text). */
  readonly actionId: string | undefined;
  readonly actionText: string | undefined;
};
