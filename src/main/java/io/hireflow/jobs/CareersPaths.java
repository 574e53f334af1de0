package io.hireflow.jobs;

/** Where an organization's jobs are on the public careers site. */
public final class CareersPaths {

    private CareersPaths() {
    }

    public static String site(String base, String slug) {
        return base + "/careers/" + slug;
    }

    public static String job(String base, String slug, JobId job) {
        return site(base, slug) + "/jobs/" + job.value();
    }
}
