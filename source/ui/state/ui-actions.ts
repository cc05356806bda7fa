export type Direction = 'left' | 'right' | 'up' | 'down';

/** Every change to the UI state. The reducer handles each one exhaustively. */
export type UiAction =
  | {readonly type: 'streams'; readonly names: readonly string[]}
  | {readonly type: 'focus-next'}
  | {readonly type: 'focus-previous'}
  | {readonly type: 'focus-index'; readonly index: number}
  | {readonly type: 'focus-move'; readonly direction: Direction; readonly columns: number}
  | {readonly type: 'zoom-toggle'}
  | {readonly type: 'zoom-open'}
  | {readonly type: 'back'}
  | {readonly type: 'help-toggle'}
  | {readonly type: 'timestamps-toggle'}
  | {readonly type: 'filter-start'}
  | {readonly type: 'filter-type'; readonly text: string}
  | {readonly type: 'filter-erase'}
  | {readonly type: 'filter-commit'}
  | {readonly type: 'filter-cancel'}
  | {readonly type: 'select'; readonly name: string; readonly seq: number | undefined}
  | {readonly type: 'pretty-open'; readonly name: string; readonly seq: number}
  | {readonly type: 'pretty-scroll'; readonly delta: number; readonly max: number}
  | {readonly type: 'pretty-close'}
  | {readonly type: 'message'; readonly text: string; readonly level: 'info' | 'error'}
  | {readonly type: 'message-expire'; readonly id: number};
