package org.casereview.persistence;

import jakarta.persistence.Converter;
import org.casereview.policy.CaseFlag;
import org.casereview.policy.DataCategory;
import org.casereview.policy.GrantorKind;
import org.casereview.policy.LegalStatus;
import org.casereview.policy.Purpose;
import org.casereview.policy.Role;
import org.casereview.policy.Sector;

/** The concrete converters JPA needs, one per enum kind stored as a set. */
public final class EnumSetConverters {

  private EnumSetConverters() {}

  @Converter
  public static class LegalStatuses extends EnumSetConverter<LegalStatus> {
    public LegalStatuses() {
      super(LegalStatus.class);
    }
  }

  @Converter
  public static class Categories extends EnumSetConverter<DataCategory> {
    public Categories() {
      super(DataCategory.class);
    }
  }

  @Converter
  public static class Purposes extends EnumSetConverter<Purpose> {
    public Purposes() {
      super(Purpose.class);
    }
  }

  @Converter
  public static class Roles extends EnumSetConverter<Role> {
    public Roles() {
      super(Role.class);
    }
  }

  @Converter
  public static class Sectors extends EnumSetConverter<Sector> {
    public Sectors() {
      super(Sector.class);
    }
  }

  @Converter
  public static class GrantorKinds extends EnumSetConverter<GrantorKind> {
    public GrantorKinds() {
      super(GrantorKind.class);
    }
  }

  @Converter
  public static class CaseFlags extends EnumSetConverter<CaseFlag> {
    public CaseFlags() {
      super(CaseFlag.class);
    }
  }
}
