package io.hireflow.pipeline;

import java.util.List;

/** One keyset page of applications; {@code nextCursor} is null on the last page. */
public record ApplicationPage(List<ApplicationView> items, String nextCursor) {
}
