package io.hireflow.shared;

/**
 * The record does not exist, or belongs to another organization: both answer the same (404), so that ids of other
 * tenants cannot be probed.
 */
public class NotFoundException extends HireflowException {

    public NotFoundException(String what) {
        super("error.notFound." + what);
    }
}
