package io.hireflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.hireflow.ApiClient;
import io.hireflow.ApiTest;
import io.hireflow.TestOrganizations.Tenant;

/**
 * The counts the database keeps per stage and status always equal a real count of the applications, after
 * concurrent additions, single moves and bulk moves.
 */
class StageCountTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void keptCountsEqualRealCountsAfterConcurrentWork() throws Exception {
        Tenant tenant = organizations.create();
        ApiClient recruiter = tenant.user("RECRUITER");
        var job = recruiter.post("/api/v1/jobs", Map.of("title", "Counted", "employmentType", "FULL_TIME"));
        String jobId = job.text("id");
        var pool = Executors.newFixedThreadPool(8);
        List<Callable<String>> adds = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            int n = i;
            adds.add(() -> recruiter.post("/api/v1/applications", Map.of("jobId", jobId,
                    "candidate", Map.of("name", "C" + n, "email", "count" + n + "@example.com"))).text("id"));
        }
        List<String> ids = new ArrayList<>();
        for (var future : pool.invokeAll(adds)) {
            ids.add(future.get());
        }
        List<Callable<Integer>> moves = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = ids.get(i);
            String action = i % 2 == 0 ? "ADVANCE" : "HOLD";
            moves.add(() -> recruiter.post("/api/v1/applications/" + id + "/transitions",
                    Map.of("action", action, "version", 0)).status());
        }
        for (var future : pool.invokeAll(moves)) {
            assertThat(future.get()).isEqualTo(200);
        }
        recruiter.post("/api/v1/applications/bulk-transitions", Map.of("action", "REJECT", "reason", "closing",
                "applicationIds", ids.subList(30, 60)));
        recruiter.post("/api/v1/applications/bulk-transitions", Map.of("action", "ADVANCE", "jobId", jobId));
        pool.shutdown();

        assertThat(kept()).isEqualTo(real());
        var board = recruiter.get("/api/v1/jobs/" + jobId + "/board").json().path("columns");
        long activeOnBoard = 0;
        for (var column : board) {
            activeOnBoard += column.path("count").asLong();
        }
        assertThat(activeOnBoard).isEqualTo(80 - 10 - 30);
    }

    private Map<String, Long> kept() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select stage_id, status, sum(n) from stage_count group by 1, 2 having sum(n) <> 0")
                .query(rs -> {
                    counts.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
                });
        return counts;
    }

    private Map<String, Long> real() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select stage_id, status, count(*) from job_application group by 1, 2")
                .query(rs -> {
                    counts.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
                });
        return counts;
    }
}
