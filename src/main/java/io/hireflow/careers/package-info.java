/**
 * The public careers site: each organization's open jobs, searchable, each with its page as candidates read it (and
 * as search engines read it, in schema.org JobPosting JSON-LD), and sitemaps of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Careers", allowedDependencies = {"shared", "identity",
        "jobs"})
package io.hireflow.careers;
