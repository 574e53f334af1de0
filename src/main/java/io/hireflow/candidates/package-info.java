/**
 * Candidates: the people who apply, one per email within an organization, with their contact details, links,
 * source and tags.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Candidates", allowedDependencies = "shared")
package io.hireflow.candidates;
