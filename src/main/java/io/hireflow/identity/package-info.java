/**
 * Organizations (tenants), their staff users and roles, sign-in, API tokens and the first start of the platform.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = "shared")
package io.hireflow.identity;
