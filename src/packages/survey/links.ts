import { SURVEY_STATE_LABELS, type SurveyState } from '@contracts/survey-kinds'
import type { Tone } from '../../ui/kit'
import { pageLink } from '../../utils/link'

type SurveyPage = 'list' | 'answer' | 'results'

export function surveyLink(page: SurveyPage, params: Record<string, string | undefined> = {}): string {
  return pageLink(`/packages/survey/pages/${page}/index`, params)
}

export const STATE_TONE: Record<SurveyState, Tone> = { scheduled: 'info', open: 'primary', closed: 'muted' }
export const stateText = (s: SurveyState) => SURVEY_STATE_LABELS[s]
