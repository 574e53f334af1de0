package io.hireflow.candidates;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the text of candidates' documents is read, in the background, so that search and reviewers get words rather
 * than bytes, and so that a hostile file costs one failed document rather than the node.
 *
 * @param extractText  whether this node reads documents at all
 * @param pollInterval how often it looks for documents to read
 * @param batchSize    how many documents one look takes at most (they are read two at a time)
 * @param lease        how long a document may stay in reading, from when its reading started, before another node
 *                     takes it over (longer than {@code timeout}: a node that is only slow must not lose it)
 * @param timeout      the longest one document may take to read; then it is given up as failed
 * @param maxTextChars the most text kept from one document; the rest is dropped and the document still counts as read
 */
@ConfigurationProperties("hireflow.candidates")
public record CandidateProperties(
        @DefaultValue("true") boolean extractText,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("10") int batchSize,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("20s") Duration timeout,
        @DefaultValue("200000") int maxTextChars) {
}
