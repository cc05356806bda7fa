import {Box} from 'ink';
import {memo} from 'react';
import type {StreamStore} from '../core/store/types.js';
import {COLUMN_GAP, type GridLayout} from './layout.js';
import {Pane} from './pane.js';
import {
  activeFilter,
  answerDraft,
  runFormInput,
  type AnswerInput,
  type FilterEdit,
} from './state/ui-state.js';

type GridProps = {
  readonly store: StreamStore;
  readonly layout: GridLayout;
  readonly names: readonly string[];
  readonly focus: number;
  readonly now: number;
  readonly clock: () => number;
  readonly timestamps: boolean;
  readonly filters: Readonly<Record<string, string>>;
  readonly filterEdit: FilterEdit | undefined;
  readonly answerView: Readonly<Record<string, boolean>>;
  readonly reasoning: boolean;
  readonly answerInput: AnswerInput | undefined;
  readonly runView: Readonly<Record<string, boolean>>;
};

/** Panes in fixed-size cells; the layout decides how many fit and where. */
export const Grid = memo(function Grid(props: GridProps) {
  const {layout, names, filterEdit} = props;
  return (
    <Box flexDirection="column" height={layout.paneArea} overflowY="hidden">
      {layout.rows.map((row, rowIndex) => (
        <Box key={rowIndex} flexDirection="row" height={row.height} columnGap={COLUMN_GAP}>
          {row.cells.map((cell) => {
            const name = names[cell.index] ?? '';
            return (
              <Pane
                key={name}
                store={props.store}
                name={name}
                index={cell.index}
                focused={cell.index === props.focus}
                width={cell.width}
                height={cell.height}
                now={props.now}
                clock={props.clock}
                timestamps={props.timestamps}
                filter={activeFilter(props, name)}
                filterEditing={filterEdit?.name === name}
                zoomed={false}
                selection={undefined}
                prettySeq={undefined}
                prettyOffset={0}
                answerView={props.answerView[name] ?? false}
                reasoning={props.reasoning}
                answerInput={answerDraft(props, name)}
                runView={props.runView[name] ?? false}
                runInput={runFormInput(props, name)}
                answerScroll={undefined}
              />
            );
          })}
        </Box>
      ))}
    </Box>
  );
});
