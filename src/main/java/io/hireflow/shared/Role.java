package io.hireflow.shared;

/** What a staff user may do. {@code OPERATOR} runs the platform; the others act within one organization. */
public enum Role {
    OPERATOR, ADMIN, RECRUITER, HIRING_MANAGER, INTERVIEWER;

    /** The roles that run the hiring process day to day (see jobs and move candidates). */
    public static final String STAFF = "hasAnyRole('ADMIN','RECRUITER','HIRING_MANAGER','INTERVIEWER')";
    /** The roles that change jobs, pipelines and candidates. */
    public static final String RECRUITING = "hasAnyRole('ADMIN','RECRUITER')";
    /** The roles that decide on applications. */
    public static final String DECIDING = "hasAnyRole('ADMIN','RECRUITER','HIRING_MANAGER')";
    public static final String ADMINISTRATING = "hasRole('ADMIN')";
    public static final String OPERATING = "hasRole('OPERATOR')";
}
