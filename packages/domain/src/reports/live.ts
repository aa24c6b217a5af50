import type { FlowBoard } from '../views/flow-board/state';
import { buildReport, type PeriodReport } from './report';
import type { SurveyResponse } from './statistics';

/** Today's report from the live flow board: the same statistics the server computes from the database. */
export function reportFromBoard(board: FlowBoard, surveys: readonly SurveyResponse[] = []): PeriodReport {
  return buildReport({
    period: { from: board.day, to: board.day },
    timezone: board.clinic.timezone,
    visits: Object.values(board.visits),
    rooms: Object.values(board.rooms),
    providers: Object.values(board.providers),
    surveys,
  });
}
