package org.casereview.casefile;

import org.casereview.api.Cursor;

/** Filters of the case list, and the paging position. */
public record CaseFilter(CaseStatus status, Cursor after, int limit) {}
