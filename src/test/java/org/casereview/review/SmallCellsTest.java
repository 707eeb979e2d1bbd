package org.casereview.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The suppression rule as a truth table: count or part/whole in, shown or suppressed out. */
class SmallCellsTest {

  @ParameterizedTest(name = "cell({0}) -> {1}")
  @CsvSource(
      textBlock =
          """
          0,    0
          1,    SUPPRESSED
          5,    SUPPRESSED
          10,   SUPPRESSED
          11,   11
          250,  250
          """)
  void cell_suppressesOneToTen(long n, String expected) {
    assertEquals(expected, render(SmallCells.cell(n)));
  }

  @ParameterizedTest(name = "part({0} of {1}) -> {2}")
  @CsvSource(
      textBlock =
          """
          11,  12,   SUPPRESSED
          11,  21,   SUPPRESSED
          11,  22,   11
          0,   5,    SUPPRESSED
          0,   11,   0
          0,   0,    0
          12,  12,   12
          5,   40,   SUPPRESSED
          30,  40,   SUPPRESSED
          29,  40,   29
          """)
  void part_isAlsoSuppressedWhenTheRemainderOrTheWholeIsSmall(
      long part, long whole, String expected) {
    assertEquals(expected, render(SmallCells.part(part, whole)));
  }

  @ParameterizedTest(name = "part({0} of {1}) refused")
  @CsvSource({"12, 11", "-1, 5"})
  void impossiblePart_isRefused(long part, long whole) {
    assertThrows(IllegalArgumentException.class, () -> SmallCells.part(part, whole));
  }

  private static String render(SmallCells.Cell cell) {
    if (cell.suppressed()) {
      assertEquals(null, cell.count(), "a suppressed cell must carry no number");
      return "SUPPRESSED";
    }
    return String.valueOf(cell.count());
  }
}
