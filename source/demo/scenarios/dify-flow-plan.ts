/**
 * The richer demo chatflows, picked by words in the query (whole words, any
 * case): "branches" (an iteration of 3 steps, then two parallel branches),
 * "approval" (a human input pause, resumed through the form endpoints and
 * GET /workflow/{id}/events), and modifiers that combine with either:
 * "stubborn" (slow, and stop answers success but the run goes on), "drop"
 * (the server cuts the POST's connection mid-run; the run continues and a
 * re-attach gets the rest) and "legacy" (the events endpoint answers 404,
 * like Dify before 1.14).
 */
export type DifyFlowKind = 'branches' | 'approval';

export type DifyFlowPlan = {
  readonly kind: DifyFlowKind;
  readonly stubborn: boolean;
  /** Cut the first connection after this many events. */
  readonly dropAfter: number | undefined;
  readonly legacy: boolean;
  /** Multiplies the flow's nominal delays. */
  readonly slowdown: number;
};

/** Events of a "drop" run before the server cuts the first connection (mid-iteration). */
export const DROP_AFTER_EVENTS = 7;

const word = (name: string) => new RegExp(`\\b${name}\\b`, 'i');

/** The flow a query asks for, or undefined for the plain Start → LLM → Answer run. */
export function flowPlanFor(query: string): DifyFlowPlan | undefined {
  const kind: DifyFlowKind | undefined = word('approval').test(query)
    ? 'approval'
    : word('branches').test(query) || word('stubborn').test(query) || word('drop').test(query)
      ? 'branches'
      : undefined;
  if (kind === undefined) return undefined;
  const stubborn = word('stubborn').test(query);
  return {
    kind,
    stubborn,
    dropAfter: word('drop').test(query) ? DROP_AFTER_EVENTS : undefined,
    legacy: word('legacy').test(query),
    slowdown: stubborn ? 5 : 1,
  };
}
