package org.casereview.agency;

/** The level of government (or sovereignty) an agency answers to. */
public enum Jurisdiction {
  LOCAL,
  STATE,
  FEDERAL,
  TRIBAL
}
