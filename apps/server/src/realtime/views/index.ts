import type { View } from '@clinicflow/contracts';
import { displayBoardView } from './display-board.view';
import { flowBoardView } from './flow-board.view';
import type { LiveView, ViewContext } from './live-view';

export type LiveViews = { [V in Exclude<View, 'kiosk'>]: LiveView<V> };

/** Every live screen: a new one is a new file and one line here. */
export const liveViews = (c: ViewContext): LiveViews => ({
  flowBoard: flowBoardView(c),
  displayBoard: displayBoardView(c),
});
