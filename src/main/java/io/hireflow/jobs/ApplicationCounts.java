package io.hireflow.jobs;

import java.util.Collection;
import java.util.Map;

/**
 * What the jobs module needs to know of the applications in its stages, answered by the module that owns
 * applications: a stage that holds applications cannot be removed or change its kind.
 */
public interface ApplicationCounts {

    /** Applications of any status sitting in each given stage (stages without any are absent). */
    Map<StageId, Long> inStages(Collection<StageId> stages);

    /** Active and on-hold applications of each given job (jobs without any are absent). */
    Map<JobId, Long> activeInJobs(Collection<JobId> jobs);
}
