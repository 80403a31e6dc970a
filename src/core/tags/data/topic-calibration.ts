/**
 * A logistic model from a candidate topic's evidence to the chance that the topic is right (see
 * `candidateFeatures` in topics.ts for the features, in this order). Fitted by
 * scripts/eval/fit-topics.ts on the even-numbered half of the BBC dev stories (922 candidate
 * topics that map to a desk; "right" = the topic's desk is the story's desk), checked on the odd half
 * (1059 candidates). So a score of 0.7 means: of the topics that scored about 0.7 there,
 * about 70% were right. Regenerate after changing the taxonomy's weights.
 */
export interface TopicCalibration {
  readonly features: readonly string[];
  readonly weights: readonly number[];
  readonly bias: number;
}

export const topicCalibration: TopicCalibration = Object.freeze({
  features: ['log1p(evidence)', 'share', 'best', 'log1p(sentences)', 'spread', 'inTitle'],
  weights: [2.1984, 0.6048, 0.7597, -0.062, 0.3825, -0.1412],
  bias: -3.3147,
});
