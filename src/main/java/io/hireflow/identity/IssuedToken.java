package io.hireflow.identity;

/** A token just created: the only moment its secret exists outside the caller's hands. */
public record IssuedToken(ApiTokenView token, String secret) {
}
