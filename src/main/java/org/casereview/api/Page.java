package org.casereview.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list, with an opaque cursor to the next. There is deliberately no total: a count of
 * rows the caller may not open would itself disclose something.
 */
@Schema(name = "Page")
public record Page<T>(
    List<T> items,
    @Schema(description = "Pass as ?cursor= to get the next page; absent on the last page")
        String nextCursor) {}
