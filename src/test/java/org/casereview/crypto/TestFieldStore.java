package org.casereview.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import javax.sql.DataSource;

/**
 * A real SubjectFieldStore over the test table {@code crypto_test_field}: what a domain table of
 * sealed fields does, without depending on the domain.
 */
@ApplicationScoped
public class TestFieldStore implements SubjectFieldStore {

  static final String TABLE = "crypto_test_field";

  @Inject DataSource dataSource;
  @Inject FieldCodec codec;

  /** Seals and stores one field; returns its place. */
  @Transactional
  public FieldPlace write(UUID subjectId, UUID rowId, String column, String plaintext) {
    FieldPlace place = new FieldPlace(TABLE, column, rowId);
    writeRaw(subjectId, place, codec.seal(subjectId, place, plaintext));
    return place;
  }

  @Transactional
  public void writeRaw(UUID subjectId, FieldPlace place, byte[] value) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO crypto_test_field (row_id, column_name, subject_id, value)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (row_id, column_name)"
                    + " DO UPDATE SET value = EXCLUDED.value, subject_id = EXCLUDED.subject_id")) {
      s.setObject(1, place.rowId());
      s.setString(2, place.column());
      s.setObject(3, subjectId);
      s.setBytes(4, value);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public byte[] readRaw(FieldPlace place) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT value FROM crypto_test_field WHERE row_id = ? AND column_name = ?")) {
      s.setObject(1, place.rowId());
      s.setString(2, place.column());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getBytes(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public String read(UUID subjectId, FieldPlace place) {
    return codec.open(subjectId, place, readRaw(place));
  }

  @Override
  public void reencryptSubject(UUID subjectId, BiFunction<FieldPlace, byte[], byte[]> reencrypt) {
    try (Connection c = dataSource.getConnection()) {
      List<FieldPlace> places = new ArrayList<>();
      List<byte[]> values = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT row_id, column_name, value FROM crypto_test_field"
                  + " WHERE subject_id = ? FOR UPDATE")) {
        s.setObject(1, subjectId);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            places.add(new FieldPlace(TABLE, rs.getString(2), rs.getObject(1, UUID.class)));
            values.add(rs.getBytes(3));
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE crypto_test_field SET value = ? WHERE row_id = ? AND column_name = ?")) {
        for (int i = 0; i < places.size(); i++) {
          s.setBytes(1, reencrypt.apply(places.get(i), values.get(i)));
          s.setObject(2, places.get(i).rowId());
          s.setString(3, places.get(i).column());
          s.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
