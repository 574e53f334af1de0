/**
 * Messages to candidates: templates per event and language, the outbox every message goes through, delivery over
 * SMTP or into the built-in mailbox, retries and dead letters, and scheduled sends.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"shared", "identity", "jobs", "candidates", "pipeline"})
package io.hireflow.notifications;
