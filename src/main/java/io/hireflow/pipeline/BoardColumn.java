package io.hireflow.pipeline;

import java.util.List;

import io.hireflow.jobs.Stage;

/**
 * One stage of the board: how many applications of the shown status it holds, how many of those are past the stage
 * deadline, and the first cards (longest waiting first), with a cursor for the next ones.
 */
public record BoardColumn(Stage stage, long count, List<BoardCard> cards, String nextCursor) {
}
