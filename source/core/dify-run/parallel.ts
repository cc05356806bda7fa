import type {RunWork} from './run-state.js';
import {patchNode} from './run-state.js';
import type {RunNesting, RunNode, RunParallel} from './types.js';

/**
 * Which parallel branch a starting node is on.
 *
 * Dify 0.8 – 1.8 said so: parallel_branch_started carries parallel_id (the
 * group) and parallel_branch_id (the node_id of the branch's first node); a
 * node is on a branch when it is that first node, or when its predecessor is
 * on the branch and the branch is still open.
 *
 * Dify >= 1.9 sends no branch events, so the rule is inferred from overlap:
 * a node that starts while another node of the same container (the run's top
 * level, or the same step of the same iteration/loop) is still running runs
 * in parallel with it. Both get a branch: the running one keeps its own
 * node_id as branch unless it already has one; the starting one continues
 * its predecessor's branch when the predecessor is on a branch of the same
 * group, else starts a branch named by its own node_id. The group is the
 * fork: the predecessor of the first node on the branches (or that node's
 * own id when Dify sent no predecessor). A node that starts when nothing
 * else runs is not marked, even if it follows a branch (a join, or the tail
 * of a branch whose sibling already ended: the overlap is what we can see).
 */

function sameContainer(a: RunNesting | undefined, b: RunNesting | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.containerNodeId === b.containerNodeId && a.step === b.step && a.kind === b.kind;
}

function legacyBranch(work: RunWork, node: RunNode): RunParallel | undefined {
  if (work.openBranches.size === 0) return undefined;
  let open = work.openBranches.get(node.nodeId);
  if (open === undefined && node.predecessorNodeId !== undefined) {
    const previous = work.branchOfNode.get(node.predecessorNodeId);
    if (previous !== undefined && work.openBranches.get(previous.branch) === previous)
      open = previous;
  }
  if (open === undefined) return undefined;
  work.branchOfNode.set(node.nodeId, open);
  return {group: open.group, branch: open.branch, source: 'event'};
}

/** The branch of a node that is starting (not yet in the rows); may mark running siblings. */
export function parallelOfStartingNode(work: RunWork, node: RunNode): RunParallel | undefined {
  const legacy = legacyBranch(work, node);
  if (legacy !== undefined) return legacy;
  const siblings: number[] = [];
  for (const index of work.running) {
    const other = work.nodes[index]!;
    if (other.executionId !== node.executionId && sameContainer(other.nesting, node.nesting)) {
      siblings.push(index);
    }
  }
  if (siblings.length === 0) return undefined;
  siblings.sort((a, b) => a - b);
  const first = work.nodes[siblings[0]!]!;
  const marked = siblings.map((index) => work.nodes[index]!.parallel).find((p) => p !== undefined);
  const group = marked?.group ?? first.predecessorNodeId ?? node.predecessorNodeId ?? first.nodeId;
  for (const index of siblings) {
    const sibling = work.nodes[index]!;
    if (sibling.parallel === undefined) {
      patchNode(work, index, {parallel: {group, branch: sibling.nodeId, source: 'overlap'}});
    }
  }
  const predecessorIndex =
    node.predecessorNodeId === undefined ? undefined : work.byNodeId.get(node.predecessorNodeId);
  const predecessor = predecessorIndex === undefined ? undefined : work.nodes[predecessorIndex];
  const inherited =
    predecessor?.parallel !== undefined &&
    predecessor.parallel.group === group &&
    sameContainer(predecessor.nesting, node.nesting)
      ? predecessor.parallel.branch
      : undefined;
  return {group, branch: inherited ?? node.nodeId, source: 'overlap'};
}
