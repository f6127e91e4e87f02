// Answering a request from the inbox and telling the teacher how it went, the same for a visit
// and a download request.
import { errorText } from './api';
import { answerRequest, type RequestAnswer, type VisitRequestView } from './requests';
import { track, type Notice } from './session';
import { t, type StringKey } from './strings';

export const pupilName = (request: VisitRequestView) =>
  request.pupil?.name ?? t('requests_unknown_pupil');

const DONE: Record<RequestAnswer['decision'], StringKey> = {
  deny: 'requests_done_denied',
  allow: 'requests_done_allowed',
  'allow-once': 'requests_done_allowed_once',
};

export async function answerWithNotice(
  classId: number,
  request: VisitRequestView,
  answer: RequestAnswer,
  onNotice: (notice: Notice) => void,
): Promise<void> {
  try {
    await track(() => answerRequest(classId, request.id, answer));
    onNotice({ text: t(DONE[answer.decision], { name: pupilName(request) }), tone: 'status' });
  } catch (error) {
    onNotice({ text: errorText(error), tone: 'alert' });
  }
}
