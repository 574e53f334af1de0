package io.hireflow.pipeline;

import java.util.List;

import io.hireflow.jobs.Job;

/** A job's pipeline board: one column per stage, showing applications of one status. */
public record Board(Job job, ApplicationStatus status, List<BoardColumn> columns) {
}
