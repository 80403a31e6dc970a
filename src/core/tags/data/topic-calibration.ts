/**
 * A logistic model from a candidate topic's evidence to the chance that the topic is right (see
 * `candidateFeatures` in topics.ts for the features, in this order). Fitted by
 * scripts/eval/fit-topics.ts on the even-numbered half of the BBC dev stories (898 candidate
 * topics that map to a desk; "right" = the topic's desk is the story's desk), checked on the odd half
 * (1031 candidates). So a score of 0.7 means: of the topics that scored about 0.7 there,
 * about 70% were right. Regenerate after changing the taxonomy's weights.
 */
export interface TopicCalibration {
  readonly features: readonly string[];
  readonly weights: readonly number[];
  readonly bias: number;
}

export const topicCalibration: TopicCalibration = Object.freeze({
  features: ['log1p(evidence)', 'share', 'best', 'log1p(sentences)', 'spread', 'inTitle'],
  weights: [2.2284, 0.5562, 0.7477, 0.0235, 0.4355, -0.1369],
  bias: -3.1281,
});
