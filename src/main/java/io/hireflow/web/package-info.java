/**
 * What every page shares: layout and navigation, language, the home dashboard, and how errors reach people (problem
 * documents for the API, error pages for the browser).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web",
        allowedDependencies = {"shared", "identity", "jobs", "pipeline"})
package io.hireflow.web;
