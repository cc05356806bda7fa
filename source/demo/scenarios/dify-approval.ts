import {randomUUID} from 'node:crypto';
import type {DifyHumanInputForm, DifyNode} from './dify-events.js';

/** The "approval" flow's human input form: a comment, then approve or reject; open for a day. */
export function approvalForm(
  approval: DifyNode,
  draftText: string,
  now: number,
): DifyHumanInputForm {
  return {
    formId: randomUUID(),
    formToken: `tok_${randomUUID().replaceAll('-', '').slice(0, 16)}`,
    nodeId: approval.nodeId,
    nodeTitle: approval.title,
    formContent: `Please review the draft.\n\n${draftText}`,
    inputs: [{type: 'paragraph', output_variable_name: 'comment', default: null}],
    actions: [
      {id: 'approve', title: 'Approve', button_style: 'primary'},
      {id: 'reject', title: 'Reject', button_style: 'default'},
    ],
    defaults: {comment: ''},
    expirationTime: now + 24 * 3600,
  };
}

/** The flow's final answer once the form was filled. */
export function approvalVerdict(actionId: string, comment: string, draftText: string): string {
  return actionId === 'approve'
    ? `Approved${comment === '' ? '' : ` with the comment "${comment}"`}. ${draftText}`
    : `The draft was rejected${comment === '' ? '' : `: "${comment}"`}.`;
}
